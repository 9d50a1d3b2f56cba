# Malformed XML: a clear error with the line, exit 2, no findings.
base dalian-tic-2025
run sed -i 's#</identity>#</identiti>#' centre.xml
exit 2
expect
expect-err malformed XML
