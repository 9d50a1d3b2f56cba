#!/usr/bin/env python3
"""hostile.py — turn a copy of the toy centre into hostile input for the XML
writer (tests/suites/xml.sh).

    hostile.py DIR markdown   every Markdown construct cmark-gfm knows, with
                              characters XML must escape or cannot carry
    hostile.py DIR data       centre.xml values that are well-formed XML but
                              break centre.xsd (rendered with --draft)
    hostile.py DIR long       a 1 MB paragraph, a 200,000-character word and
                              a 2,000-row table

DIR is a copy of tests/toy/centre; the section files r-1.md and r-2.md are
rewritten (r-1 keeps its required sub-heading so the outline still fits).
"""
import os
import sys

# Characters XML 1.0 cannot carry, or that the writer refuses to pass on.
CONTROLS = "".join(chr(c) for c in range(1, 32) if c not in (9, 10, 13)) + "\x7f\x85\x9f"
NONCHARS = "\ufffe\uffff"

# The author's level-1 heading is replaced by the outline's (a different one
# is a finding), so what the heading held is tested in the paragraph too.
MARKDOWN = """# 一、工作进展 <&> "quoted" 'apos' ]]> &amp; &lt;

本年度中心稳步推进各项工作（"quoted" 'apos'）。Text with <tags>, & ampersands, ]]> CDATA ends,
<![CDATA[ not cdata ]]>, <?pi target?>, <!-- a comment -->, and &#x1F600; &#0; &#1; &copy; &nbsp; &bogus;.

## （一）研发

研发经费{{fig:rd_expenditure}}，研发人员12人。**加粗 {{fig:staff_total}}** *强调* ***两者*** _下划_ __粗__
`code <span> & {{fig:rd_staff}}` ``double `tick` code`` ~~删除线~~ [链接](http://example.com/?a=1&b=<2> "title")
![图片](img.png "t") <http://auto.link/x?y=1&z=2> <mail@example.com> www.example.com
backslash\\
hard break, two spaces  
hard break, \\*escaped\\* \\<not a tag\\> \\&amp; \\{{fig:nothing}}

Setext heading
==============

Second setext
-------------

### 三级 ###
#### 四级
##### 五级
###### 六级
####### not a heading

> 引用 <b>bold</b>
> > 嵌套引用
> - 引用中的列表

- 项目一
- 项目二
  - 嵌套 **粗**
    1. 深层有序
- [ ] 任务
- [x] 已完成

7. 从七开始
8. 下一项

   松散列表段落

* * *
___
---

```c
int main(void) { return a < b && c > d; } /* ]]> */
```

    indented code <x> & y

~~~
tilde fence with CONTROLS_HERE
~~~

<div class="raw">
<p>HTML block & <b>stuff</b></p>
</div>

<script>alert("x")</script>

| 左 | 中 | 右 | 默认 |
|:---|:--:|---:|------|
| a <b> | **b** & c | 1,234.50 | `d|e` |
| \\| pipe | {{fig:staff_total}} | CONTROLS_HERE | ]]> |
| only one cell |

Footnote ref[^1].

[^1]: The footnote text.

[ref]: http://example.com/ref "Ref Title"
A [reference link][ref] and [collapsed][] and [shortcut].

[collapsed]: http://example.com/c

{{table:nope}} {{fig:no_such_field}} {{fig:}} {{fig:rd_expenditure

Controls: CONTROLS_HERE. Nonchars: NONCHARS_HERE. Bidi: \u202eevil\u202c. ZWJ: a\u200db. BOM: \ufeff.
Emoji: \U0001F600 \U0001F1E8\U0001F1F3. CJK ext B: \U00020000. Combining: e\u0301.
Form feed:\x0c vertical tab:\x0b escape:\x1b bell:\x07 backspace:\x08 end. (NUL is refused by the loader as invalid text.)
Lone CR line\rends here.
"""

R2 = """# 二、下一步

继续推进。<>&"' CONTROLS_HERE

---
"""


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text.replace("CONTROLS_HERE", CONTROLS).replace("NONCHARS_HERE", NONCHARS))


def markdown(d):
    write(os.path.join(d, "sections", "r-1.md"), MARKDOWN)
    write(os.path.join(d, "sections", "r-2.md"), R2)


def data(d):
    p = os.path.join(d, "centre.xml")
    with open(p, encoding="utf-8") as f:
        s = f.read()
    repl = [
        ("<name>玩具省积木技术中心</name>",
         "<name>玩具省&lt;积木&gt; &amp; \"技术\" 'centre' ]]&gt; 中心&#x85;&#x7f;&#xFFFD;</name>"),
        ("<field>积木</field>", "<field>\t tabs\t and\nnewlines\r\n and \u202e bidi </field>"),
        ("<report-year>2029</report-year>", "<report-year>twenty</report-year>"),
        ('period-start="2029-01-01"', 'period-start="2029-02-30"'),
        ('period-end="2029-12-31"', 'period-end="not a date"'),
        ('date="2030-01-10"/><submission', 'date="2030-13-45"/><submission'),
        ('<value id="rd_staff">12</value>', '<value id="rd_staff" evidence="E01 &lt;x&gt; E&amp;2 E01">twelve &amp; &lt;more&gt;</value>'),
        ('<value id="staff_total" unit="人">20</value>',
         '<value id="staff_total" unit="人">20</value><value id="unknown_field" unit="件">3</value>'),
        ('title="审计报告"/>', 'title="审计 &lt;报告&gt; &amp; ]]&gt;"/>'
         '<evidence id="E01" file="dup.txt" kind="k" title="duplicate id"/>'),
    ]
    for a, b in repl:
        if a not in s:
            raise SystemExit("hostile.py: the toy centre changed: %s not found" % a)
        s = s.replace(a, b, 1)
    with open(p, "w", encoding="utf-8") as f:
        f.write(s)


def long(d):
    para = "长文本段落，含数字1,234.56和英文 words " * 40000          # ~1 MB
    word = "字" * 100000 + "x" * 100000                              # one 200,000-char word
    rows = "".join("| 第%d行 | %d.%02d | 说明<%d> & 文字 |\n" % (i, i, i % 100, i) for i in range(2000))
    write(os.path.join(d, "sections", "r-1.md"),
          "# 一、工作进展\n\n" + para + "\n\n## （一）研发\n\n研发经费{{fig:rd_expenditure}}。\n\n"
          + word + "\n\n| 名称 | 数值 | 说明 |\n|---|---:|---|\n" + rows)


def main(argv):
    if len(argv) != 3 or argv[2] not in ("markdown", "data", "long"):
        print(__doc__, file=sys.stderr)
        return 2
    {"markdown": markdown, "data": data, "long": long}[argv[2]](argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
