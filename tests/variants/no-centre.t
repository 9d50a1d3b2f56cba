# No centre.xml: exit 2 naming the file.
base dalian-tic-2025
run rm centre.xml
exit 2
expect
expect-err file not found
