# Schema errors come all at once, with labels from centre.xsd, and a
# Chinese date is answered with exactly what to write.
base ndrc-engineering-2025
run sed -i 's#<approved>2026-12-20</approved>#<approved>2026年12月20日</approved>#; s#<director person="P01">周启明</director>##; s#level="国家级" role="牵头"#level="国家" role="牵头"#' centre.xml
exit 1
expect CORE-SCHEMA CORE-SCHEMA CORE-SCHEMA
expect-text "2026年12月20日" is not a valid date
expect-text Write 2026-12-20 (dates are written YYYY-MM-DD).
expect-text ("国家级"?)
expect-text "Identity — Director" (director) is missing
