/**
 * Place names the question reader knows. Counties map to their prefecture city so that a
 * question about 介休 is scoped to 晋中's reports. Other provinces and major cities mark a
 * question as being about somewhere the corpus does not cover.
 */
export const COUNTIES: Record<string, string[]> = {
  太原: ['小店', '迎泽', '杏花岭', '尖草坪', '万柏林', '晋源', '清徐', '阳曲', '娄烦', '古交'],
  晋中: ['榆次', '太谷', '介休', '灵石', '平遥', '祁县', '寿阳', '昔阳', '和顺', '左权', '榆社'],
};

/** What people call a place instead of its name (江城 for 武汉, 内蒙 for 内蒙古): read as the place where its report is here, and only then. */
export const PLACE_NICKNAMES: Record<string, string> = {
  内蒙: '内蒙古',
  江城: '武汉', 羊城: '广州', 花城: '广州', 鹏城: '深圳', 蓉城: '成都', 泉城: '济南', 春城: '昆明', 冰城: '哈尔滨',
  山城: '重庆', 雾都: '重庆', 魔都: '上海', 申城: '上海', 帝都: '北京', 首都: '北京', 星城: '长沙', 榕城: '福州',
  鹭岛: '厦门', 金陵: '南京', 杭城: '杭州', 津门: '天津', 龙城: '太原', 锦城: '成都', 邕城: '南宁', 筑城: '贵阳',
};

/**
 * A province by its one-character short name and 省 (豫省, 川省), as people write it: unlike a nickname, it
 * names the province whether or not a report of it is here. The short name alone (晋中's 晋) names too much.
 */
export const PROVINCE_SHORT_NAMES: Record<string, string> = {
  冀省: '河北', 晋省: '山西', 辽省: '辽宁', 吉省: '吉林', 黑省: '黑龙江', 苏省: '江苏', 浙省: '浙江', 皖省: '安徽', 闽省: '福建',
  赣省: '江西', 鲁省: '山东', 豫省: '河南', 鄂省: '湖北', 湘省: '湖南', 粤省: '广东', 琼省: '海南', 川省: '四川', 蜀省: '四川',
  黔省: '贵州', 贵省: '贵州', 滇省: '云南', 云省: '云南', 陕省: '陕西', 秦省: '陕西', 甘省: '甘肃', 陇省: '甘肃', 青省: '青海',
};

/** Regions that contain the corpus cities: where they only locate a city (山西省太原市), they are no concept an answer must say. */
export const ENCLOSING_REGIONS = ['山西', '山西省', '全省', '中国', '全国'];

/** Provinces, autonomous regions and the special regions (the four municipalities are cities here, as people call them). */
export const PROVINCES = [
  '山西', '河北', '内蒙古', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北',
  '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '香港',
  '澳门', '台湾',
];

/** The unit a province-level place that is no 省 is named with (内蒙古自治区, 香港特别行政区). */
export const REGION_UNITS: Record<string, string> = {
  内蒙古: '自治区', 广西: '壮族自治区', 西藏: '自治区', 宁夏: '回族自治区', 新疆: '维吾尔自治区', 香港: '特别行政区', 澳门: '特别行政区',
};

export const OTHER_PLACES = [
  '北京', '天津', '上海', '重庆', ...PROVINCES.filter((p) => p !== '山西'), '石家庄', '沈阳', '长春',
  '哈尔滨', '南京', '杭州', '合肥', '福州', '南昌', '济南', '郑州', '武汉', '长沙', '广州', '深圳',
  '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安', '兰州', '西宁', '银川', '乌鲁木齐', '呼和浩特',
  '大同', '朔州', '忻州', '阳泉', '吕梁', '长治', '晋城', '临汾', '运城', '苏州', '青岛', '厦门', '宁波',
];

/**
 * Prefecture-level cities by province (the capital first), so that a question naming a report's place with
 * its city (安康汉滨) reads the city as locating it, one about a city of a province's report is
 * scoped to that report, and one about a city no report covers says so. Left out: names that are
 * also common words or name other things (白银, 中山, 黄山, 普洱, 三明, 来宾, 大庆, 朝阳, 哈密, 延安).
 */
export const PREFECTURE_CITIES_BY_PROVINCE: Record<string, string[]> = {
  山西: ['太原', '大同', '阳泉', '长治', '晋城', '朔州', '晋中', '运城', '忻州', '临汾', '吕梁'],
  河北: ['石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水'],
  内蒙古: ['呼和浩特', '包头', '乌海', '赤峰', '通辽', '鄂尔多斯', '呼伦贝尔', '巴彦淖尔', '乌兰察布'],
  辽宁: ['沈阳', '大连', '鞍山', '抚顺', '本溪', '丹东', '锦州', '营口', '阜新', '辽阳', '盘锦', '铁岭', '葫芦岛'],
  吉林: ['长春', '四平', '辽源', '通化', '松原', '白城'],
  黑龙江: ['哈尔滨', '齐齐哈尔', '鸡西', '鹤岗', '双鸭山', '伊春', '佳木斯', '七台河', '牡丹江', '黑河', '绥化'],
  江苏: ['南京', '苏州', '无锡', '徐州', '常州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁'],
  浙江: ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州', '丽水'],
  安徽: ['合肥', '芜湖', '蚌埠', '淮南', '马鞍山', '淮北', '铜陵', '安庆', '滁州', '阜阳', '宿州', '六安', '亳州', '池州', '宣城'],
  福建: ['福州', '厦门', '莆田', '泉州', '漳州', '南平', '龙岩', '宁德'],
  江西: ['南昌', '景德镇', '萍乡', '九江', '新余', '鹰潭', '赣州', '吉安', '宜春', '抚州', '上饶'],
  山东: ['济南', '青岛', '淄博', '枣庄', '东营', '烟台', '潍坊', '济宁', '泰安', '威海', '日照', '临沂', '德州', '聊城', '滨州', '菏泽'],
  河南: ['郑州', '开封', '洛阳', '平顶山', '安阳', '鹤壁', '新乡', '焦作', '濮阳', '许昌', '漯河', '三门峡', '南阳', '商丘', '信阳', '周口', '驻马店'],
  湖北: ['武汉', '黄石', '十堰', '宜昌', '襄阳', '鄂州', '荆门', '孝感', '荆州', '黄冈', '咸宁', '随州'],
  湖南: ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '张家界', '益阳', '郴州', '永州', '怀化', '娄底'],
  广东: ['广州', '深圳', '韶关', '珠海', '汕头', '佛山', '江门', '湛江', '茂名', '肇庆', '惠州', '梅州', '汕尾', '河源', '阳江', '清远', '东莞', '潮州', '揭阳', '云浮'],
  广西: ['南宁', '柳州', '桂林', '梧州', '北海', '防城港', '钦州', '贵港', '玉林', '百色', '贺州', '河池', '崇左'],
  海南: ['海口', '三亚', '三沙', '儋州'],
  四川: ['成都', '自贡', '攀枝花', '泸州', '德阳', '绵阳', '广元', '遂宁', '内江', '乐山', '南充', '眉山', '宜宾', '广安', '达州', '雅安', '巴中', '资阳'],
  贵州: ['贵阳', '遵义', '六盘水', '安顺', '毕节', '铜仁'],
  云南: ['昆明', '曲靖', '玉溪', '保山', '昭通', '丽江', '临沧'],
  西藏: ['拉萨', '日喀则', '昌都', '林芝', '那曲'],
  陕西: ['西安', '铜川', '宝鸡', '咸阳', '渭南', '汉中', '榆林', '安康', '商洛'],
  甘肃: ['兰州', '嘉峪关', '金昌', '天水', '武威', '张掖', '平凉', '酒泉', '庆阳', '定西', '陇南'],
  青海: ['西宁', '海东'],
  宁夏: ['银川', '石嘴山', '吴忠', '固原', '中卫'],
  新疆: ['乌鲁木齐', '克拉玛依', '吐鲁番'],
};

export const PREFECTURE_CITIES = Object.values(PREFECTURE_CITIES_BY_PROVINCE).flat();
