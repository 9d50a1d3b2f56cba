# Evidence paths that escape evidence/, and a symlink.
base dalian-tic-2025
run sed -i 's#file="E01-认定文件.pdf"#file="../centre.xml"#' centre.xml
run ln -s /etc/passwd evidence/link.pdf
run sed -i 's#</evidence-list>#<evidence id="E98" file="link.pdf" kind="其他" title="链接"/></evidence-list>#' centre.xml
exit 1
expect CORE-EVIDENCE-FILE CORE-EVIDENCE-FILE CORE-EVIDENCE-UNDECLARED DL-ID-05
expect-text has an unsafe path
expect-text is not a regular file
