# A warning (1748号 第七条) does not make the dossier incomplete: exit 0.
base ndrc-emerging-2025
run sed -i 's#<legal-form>独立法人</legal-form>#<legal-form>非法人实体化</legal-form>#' centre.xml
exit 0
expect EMG-ID-04
expect-text warning [EMG-ID-04] 1748号 第七条
