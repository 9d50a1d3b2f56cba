# A supervising unit checks all seven samples (five schemes, four stages) in
# one run: one summary row each, each against its own outline and stage.
base ndrc-engineering-2025
args samples/ndrc-engineering-annual samples/ndrc-emerging-2025 samples/most-tic-2021 samples/most-tic-2017 samples/dalian-tic-2025 samples/dalian-apply-2026
exit 0
expect DL-ID-05 DL-ID-05 ENG-AST-05 ENG-ID-06 ENG-ID-06
expect-text 7 centres, 7 complete
expect-text complete      0    0  dalian-tic-2025        apply
expect-text complete      0    1  ndrc-engineering-2025  annual
