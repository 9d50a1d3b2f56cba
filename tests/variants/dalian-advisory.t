# The technical advisory committee must meet at least once a year (第十条).
base dalian-tic-2025
run sed -i 's#body="技术指导委员会" date="2025-#body="技术指导委员会" date="2024-#' centre.xml
exit 1
expect DL-GOV-01
