# What cannot be read as a reference is reported where it is, never printed:
# a reference in a heading, an unknown kind, a table reference inside a
# sentence, a reference without its closing braces.
base ndrc-engineering-2025
run printf '\n## 小结{{fig:nope}}\n\n数值{{figure:rd_staff}}，{{table:funding}}在行内，未闭合{{fig:rd_staff\n' >> sections/summary-8-other.md
exit 1
expect CORE-REF CORE-REF CORE-REF CORE-REF ENG-ID-06
expect-text summary-8-other.md:19: error [CORE-REF]
expect-text summary-8-other.md:21: error [CORE-REF]
expect-text must stand as a paragraph of its own
expect-text is not closed by two right braces
expect-text is neither a fig nor a table reference
