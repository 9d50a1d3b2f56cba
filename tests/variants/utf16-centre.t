# centre.xml saved as UTF-16 with BOM is read.
base most-tic-2021
run sed -i '1s/encoding="UTF-8"/encoding="UTF-16"/' centre.xml
run { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE centre.xml; } > t && mv t centre.xml
exit 0
expect
