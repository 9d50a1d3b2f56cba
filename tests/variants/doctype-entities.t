# A DOCTYPE with exponential entities is refused without expanding anything.
base dalian-tic-2025
run { echo '<?xml version="1.0"?>'; echo '<!DOCTYPE centre [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>'; echo '<centre version="2" scheme="dalian-tic-2025" stage="annual">&g;&g;&g;&g;&g;&g;&g;&g;</centre>'; } > centre.xml
exit 2
expect
expect-err centre.xml
