# Sub-item 建安工程 (1747号 附件 三) has no heading; 配套条件 has a heading but no text.
base ndrc-engineering-2025
run sed -i 's/## （一）建安工程/## （一）厂房建设/' sections/summary-3-construction.md
run awk '/^## （六）配套条件/{print; skip=1; next} /^#/{skip=0} !skip' sections/summary-3-construction.md > t && mv t sections/summary-3-construction.md
exit 1
expect ENG-ID-06 ENG-SEC-02 ENG-SEC-02
expect-text sub-item "Building and installation works" is missing
expect-text has no text under its heading
