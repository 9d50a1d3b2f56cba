# Random bytes instead of XML.
base dalian-tic-2025
run head -c 3000 /dev/urandom > centre.xml
exit 2
expect
