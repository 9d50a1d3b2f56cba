# CORE-ORDER: the lists whose last entry the rules read as the latest
# (evaluations, extension requests) are in date order.
base ndrc-engineering-annual

=== evaluations-out-of-order
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2028-06-30" kind="运行评估" grade="良好"/><evaluation date="2028-05-01" kind="运行评估" grade="中等"/></evaluations>'
exit 1
expect-has CORE-ORDER
expect-text evaluations are not in date order: 2028-05-01 comes after a later date

=== evaluations-in-order
run xedit centre.xml after /centre/submissions '<evaluations><evaluation date="2028-05-01" kind="运行评估" grade="中等"/><evaluation date="2028-05-01" kind="运行评估" grade="良好"/></evaluations>'
passes CORE-ORDER
