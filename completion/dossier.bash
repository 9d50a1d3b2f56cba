# bash completion for dossier — installed as
# share/bash-completion/completions/dossier (loaded on demand by the
# bash-completion package), or sourced by hand: . completion/dossier.bash
#
# Completes subcommands, their options, the values of enumerated options,
# scheme ids and file or folder names. The lists come from the dossier
# being completed (`dossier __complete ...`), so they always match it:
# subcommands and options from the tables its parser reads, scheme ids
# from the outlines folder it uses (and --outlines DIR on the line).
# An option that takes a value of its own kind gets a case below.

_dossier_ask() {
	"$_dossier_bin" __complete "$@" 2>/dev/null
}

_dossier() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local i cmd="" outlines="" w
	_dossier_bin=${COMP_WORDS[0]}
	command -v "$_dossier_bin" >/dev/null 2>&1 || _dossier_bin=dossier
	# --opt=value: bash splits it at the =
	if [ "$cur" = "=" ]; then
		prev=${COMP_WORDS[COMP_CWORD-1]}
		cur=""
	elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	fi
	# the subcommand: the first word that is not an option or a value
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--outlines) outlines=${COMP_WORDS[i+1]}; ((i++)) ;;
		--lang|--format|--doc|--stage|--scheme|--outline|--style|--fonts|--key|--cert|--chain|\
		--password-file|--password-env|--ca|--crl|--policy|--reports|--extract|-o|--output|\
		--as-of|--encoding|--max-*|--level|--days|--verify-text) ((i++)) ;;
		-*|=) ;;
		*) [ -z "$cmd" ] && cmd=$w ;;
		esac
	done
	COMPREPLY=()
	case $prev in
	--lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
	--format)
		case $cmd in
		render) COMPREPLY=($(compgen -W "pdf xml both" -- "$cur")) ;;
		check) COMPREPLY=($(compgen -W "text json html pdf" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
		esac
		return ;;
	--doc) COMPREPLY=($(compgen -W "summary annual tables all" -- "$cur")); return ;;
	--scheme) COMPREPLY=($(compgen -W "$(_dossier_ask schemes "$outlines")" -- "$cur")); return ;;
	--stage)
		# explain SCHEME --stage, init --scheme SCHEME --stage: that
		# scheme's stages; else every scheme's
		local scheme=""
		for ((i = 2; i < COMP_CWORD; i++)); do
			[ "${COMP_WORDS[i-1]}" = --scheme ] && scheme=${COMP_WORDS[i]}
		done
		[ "$cmd" = explain ] && for ((i = 2; i < COMP_CWORD; i++)); do
			case ${COMP_WORDS[i]} in -*|=) ;; *) [ "${COMP_WORDS[i-1]}" != --stage ] &&
				[ "${COMP_WORDS[i-1]}" != --outlines ] && [ "${COMP_WORDS[i-1]}" != --format ] &&
				[ "${COMP_WORDS[i-1]}" != --lang ] && [ "${COMP_WORDS[i-1]}" != --verify-text ] &&
				scheme=${COMP_WORDS[i]} ;; esac
		done
		COMPREPLY=($(compgen -W "$(_dossier_ask stages "$scheme" "$outlines")" -- "$cur")); return ;;
	--encoding) COMPREPLY=($(compgen -W "UTF-8 GB18030 UTF-16" -- "$cur")); return ;;
	--outline|--style|--fonts|--key|--cert|--chain|--password-file|--ca|--crl|--policy|--verify-text)
		COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
	--outlines|--reports|--extract)
		COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
	-o|--output)
		if [ "$cmd" = render ]; then COMPREPLY=($(compgen -d -- "$cur"))
		else COMPREPLY=($(compgen -f -- "$cur")); fi
		compopt -o filenames 2>/dev/null; return ;;
	--password-env) COMPREPLY=($(compgen -e -- "$cur")); return ;;
	--as-of|--max-*|--level|--days) return ;;
	esac
	if [ -z "$cmd" ]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--help --version --lang" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_dossier_ask commands) help" -- "$cur"))
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_dossier_ask options "$cmd")" -- "$cur"))
		return
	fi
	case $cmd in
	help) COMPREPLY=($(compgen -W "$(_dossier_ask commands)" -- "$cur")) ;;
	explain) COMPREPLY=($(compgen -W "$(_dossier_ask schemes "$outlines")" -- "$cur")) ;;
	keygen) COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null ;;
	verify) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null ;;
	check)
		# centre folders, an evaluation-tables.xml or packages received
		COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.xml' -- "$cur")
			$(compgen -f -X '!*.asice' -- "$cur") $(compgen -f -X '!*.zip' -- "$cur"))
		compopt -o filenames 2>/dev/null ;;
	*) COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null ;;
	esac
}
complete -F _dossier dossier
