# An invalid byte in centre.xml: file, line, column.
base most-tic-2021
run sed -i '3s/^/\xC3/' centre.xml
exit 2
expect
expect-err centre.xml:3:1
