# 国科发区〔2021〕17号: a field centre's name is "国家××技术创新中心"; it must be a legal entity.
base most-tic-2021
run sed -i 's#<name>国家先进储能技术创新中心</name>#<name>先进储能国家技术创新中心</name>#' centre.xml
run sed -i 's#<legal-form>独立法人</legal-form>#<legal-form>非法人实体化</legal-form>#' centre.xml
exit 1
expect TIC21-ID-04 TIC21-NAME-02
