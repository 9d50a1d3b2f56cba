# A supervising unit checks all five samples in one run: one summary row each.
base ndrc-engineering-2025
args samples/ndrc-emerging-2025 samples/most-tic-2021 samples/most-tic-2017 samples/dalian-tic-2025
exit 0
expect TIC17-TAB-05
expect-text 5 centres, 5 complete
