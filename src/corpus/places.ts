/**
 * Place names the question reader knows. Counties map to their prefecture city so that a
 * question about 介休 is scoped to 晋中's reports. Other provinces and major cities mark a
 * question as being about somewhere the corpus does not cover.
 */
export const COUNTIES: Record<string, string[]> = {
  太原: ['小店', '迎泽', '杏花岭', '尖草坪', '万柏林', '晋源', '清徐', '阳曲', '娄烦', '古交'],
  晋中: ['榆次', '太谷', '介休', '灵石', '平遥', '祁县', '寿阳', '昔阳', '和顺', '左权', '榆社'],
};

/** Regions that contain the corpus cities: where they only locate a city (山西省太原市), they are no concept an answer must say. */
export const ENCLOSING_REGIONS = ['山西', '山西省', '全省', '中国', '全国'];

/** Provinces, autonomous regions and the special regions (the four municipalities are cities here, as people call them). */
export const PROVINCES = [
  '山西', '河北', '内蒙古', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北',
  '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '香港',
  '澳门', '台湾',
];

export const OTHER_PLACES = [
  '北京', '天津', '上海', '重庆', ...PROVINCES.filter((p) => p !== '山西'), '石家庄', '沈阳', '长春',
  '哈尔滨', '南京', '杭州', '合肥', '福州', '南昌', '济南', '郑州', '武汉', '长沙', '广州', '深圳',
  '南宁', '海口', '成都', '贵阳', '昆明', '拉萨', '西安', '兰州', '西宁', '银川', '乌鲁木齐', '呼和浩特',
  '大同', '朔州', '忻州', '阳泉', '吕梁', '长治', '晋城', '临汾', '运城', '苏州', '青岛', '厦门', '宁波',
];
