# 1747号 第十八条、第二十条: incubation longer than three years, extended twice,
# the first extension for more than a year, the second requested after
# the original end and with no reasons, measures or planned completion date.
# The confirmation deadline moves with the last extension, so the 2030-03-20
# filing is in time; the extension's own rules run at the extension stage.
base ndrc-engineering-2025
run xedit centre.xml set /centre/dates/incubation/@end 2030-01-01 after /centre/dates/incubation '<extension requested="2029-11-01" until="2031-03-01"><reason>关键设备到货延迟，需延长中试验证周期</reason><measures>增调设备供应商、并行开展工艺验证</measures><planned-completion>2031-02-28</planned-completion></extension>'
run xedit centre.xml after "/centre/dates/extension[1]" '<extension requested="2030-02-01" until="2030-06-30"/>'

=== confirm
# three warnings (一般不超过三年, 延长一次、不超过一年), no error
exit 0
expect ENG-DATE-01 ENG-DATE-02 ENG-DATE-03 ENG-ID-06
expect-text incubation ends on 2030-01-01, more than three years (three years end on 2029-12-31)

=== extension-stage
args --stage extension
exit 1
# the second request (2030-02-01) came before the end it extends (the
# first extension's 2031-03-01): in time, though 只能申请一次 warns
fires ENG-DATE-01 ENG-DATE-02 ENG-DATE-03 ENG-EXT-02
passes ENG-DATE-04
