# Incubation longer than 3 years, two extensions, one over a year, one requested late, one without reasons.
# (The confirmation deadline moves with the last extension, so the 2026-03-20 filing is in time.)
base ndrc-engineering-2025
run sed -i 's#<incubation start="2023-01-01" end="2025-12-31"/>#<incubation start="2023-01-01" end="2026-01-01"/><extension requested="2025-11-01" until="2027-03-01" reason="关键设备到货延迟，需延长中试验证周期"/><extension requested="2026-02-01" until="2026-06-30"/>#' centre.xml
exit 1
expect ENG-DATE-01 ENG-DATE-02 ENG-DATE-03 ENG-DATE-04 ENG-DATE-05
