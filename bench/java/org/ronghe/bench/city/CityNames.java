package org.ronghe.bench.city;

import java.util.List;
import java.util.Random;

/** Fictional but plausible names for the generated city (Guangzhou's eleven districts, their organs, people). */
final class CityNames {

    static final List<String> DISTRICTS = List.of("越秀区", "海珠区", "荔湾区", "天河区", "白云区", "黄埔区", "番禺区", "花都区",
            "南沙区", "从化区", "增城区");

    /** The organs every district has (the demo district's list), without the leading 区. */
    static final List<String> ORGANS = List.of("民政局", "委办公室", "人大常委会办公室", "政府办公室", "政协办公室", "纪委监委机关",
            "委组织部", "委宣传部", "委统战部", "委政法委", "发展和改革局", "教育局", "科技工业和信息化局", "公安分局", "司法局", "财政局",
            "人力资源和社会保障局", "规划和自然资源分局", "生态环境分局", "住房和建设局", "城市管理和综合执法局", "交通运输局", "水务局",
            "农业农村局", "商务局", "文化广电旅游体育局", "卫生健康局", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
            "医疗保障局", "信访局", "政务服务数据管理局", "机关事务管理局", "总工会", "团委", "妇联", "科协", "工商联", "残联", "红十字会",
            "档案馆", "融媒体中心", "税务局", "人民法院", "人民检察院", "委党校", "直机关工委", "国有资产管理局", "投资促进局", "林业和园林局",
            "供销合作联社", "住房保障服务中心");

    /** Call categories: code, name, reply class, the organs answering (as in ORGANS, several separated by |), sample titles. */
    static final List<String[]> CATEGORIES = List.of(
            new String[]{"MUNICIPAL", "市政设施", "UTILITIES", "住房和建设局", "路灯不亮|人行道破损|井盖缺失"},
            new String[]{"SANITATION", "环境卫生", "UTILITIES", "城市管理和综合执法局", "垃圾清运不及时|公厕卫生差|楼道堆放杂物"},
            new String[]{"GREENERY", "园林绿化", "GENERAL", "林业和园林局", "树枝遮挡窗户|绿地被占用|枯树存在安全隐患"},
            new String[]{"TRAFFIC", "道路交通", "GENERAL", "交通运输局", "路口信号灯故障|公交站台损坏|乱停车堵塞通道"},
            new String[]{"WATER", "供水排水", "UTILITIES", "水务局", "水管爆裂|下水道堵塞|雨天积水严重"},
            new String[]{"HOUSING", "住房保障", "COMPLEX", "住房保障服务中心", "公租房申请进度|危房改造|住房补贴发放"},
            new String[]{"PROPERTY", "物业管理", "GENERAL", "住房和建设局", "电梯长期故障|物业费争议|小区门禁损坏"},
            new String[]{"SOCIAL_AID", "社会救助", "GENERAL", "民政局", "低保申请咨询|临时救助|困难家庭帮扶"},
            new String[]{"ELDERLY", "养老服务", "GENERAL", "民政局", "长者饭堂就餐|居家养老服务|适老化改造"},
            new String[]{"EMPLOYMENT", "就业社保", "GENERAL", "人力资源和社会保障局", "社保转移接续|失业登记|欠薪投诉"},
            new String[]{"HEALTH", "医疗卫生", "GENERAL", "卫生健康局", "社区医院排队|疫苗接种预约|家庭医生签约"},
            new String[]{"EDUCATION", "教育入学", "COMPLEX", "教育局", "学位申请咨询|校车安全|课后托管"},
            new String[]{"MARKET", "市场监管", "GENERAL", "市场监督管理局", "食品安全投诉|无证经营|价格欺诈"},
            new String[]{"SAFETY", "安全生产", "UTILITIES", "应急管理局", "消防通道堵塞|燃气泄漏隐患|电动车楼道充电"},
            new String[]{"ENVIRONMENT", "生态环境", "GENERAL", "生态环境分局", "餐饮油烟扰民|河涌发臭|工地扬尘"},
            new String[]{"VETERANS", "退役军人服务", "GENERAL", "退役军人事务局", "优抚待遇咨询|退役军人就业|光荣牌悬挂"},
            new String[]{"NOISE", "噪声扰民", "UTILITIES", "生态环境分局|城市管理和综合执法局", "夜间施工噪音|广场舞噪音|商铺音响扰民"},
            new String[]{"ILLEGAL_BUILDING", "违法建设", "COMPLEX", "城市管理和综合执法局|规划和自然资源分局", "天台违章搭建|占用公共空间|私自改变房屋结构"},
            new String[]{"PUBLIC_SECURITY", "治安秩序", "GENERAL", "公安分局", "夜间聚集滋扰|电动车被盗|可疑人员出入"},
            new String[]{"LEGAL_AID", "法律援助", "GENERAL", "司法局", "劳动纠纷法律援助|邻里纠纷调解|遗产继承咨询"});

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            + "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤区麦冼伍关邝";
    private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋坤锋晖志国建文德海峰振";
    private static final String FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪慧莹琳颖洁蓉倩婉佳欣怡晶璐琪瑶梅兰凤红秀珍萍嘉妍";
    private static final String SHARED = "子晓思雨嘉梓家俊一安博文诗春秋晨";
    private static final String PLACE_FIRST = "逢康荣华龙宝金彩昌源耀兴和荔岭西东南北中光德泰福安永新顺瑞祥丰裕乐仁";
    private static final String PLACE_SECOND = "源华兴盛泰安和平乐康宁湾岗园林苑坊里庄桥涌岸基景秀";

    private CityNames() {
    }

    static String person(Random random, boolean male) {
        int i = (int) Math.floor(Math.pow(random.nextDouble(), 1.8) * SURNAMES.length());
        String pool = male ? MALE : FEMALE;
        String given = random.nextInt(3) == 0 ? String.valueOf(pool.charAt(random.nextInt(pool.length())))
                : "" + SHARED.charAt(random.nextInt(SHARED.length())) + pool.charAt(random.nextInt(pool.length()));
        return SURNAMES.charAt(Math.min(i, SURNAMES.length() - 1)) + given;
    }

    /** A place name; numbered so that names stay distinct across a city. */
    static String place(Random random, int n) {
        String name = "" + PLACE_FIRST.charAt(random.nextInt(PLACE_FIRST.length())) + PLACE_SECOND.charAt(random.nextInt(PLACE_SECOND.length()));
        return n < 0 ? name : name + (n + 1);
    }
}
