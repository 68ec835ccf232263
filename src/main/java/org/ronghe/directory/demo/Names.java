package org.ronghe.directory.demo;

import java.util.List;
import java.util.Random;

/** Plausible Chinese names, places and posts for the demo district. All people are fictional. */
final class Names {

    private Names() {
    }

    /** The 22 streets of the district in the report (荔湾区). */
    static final List<String> STREETS = List.of("沙面街道", "岭南街道", "华林街道", "多宝街道", "昌华街道", "逢源街道",
            "龙津街道", "金花街道", "彩虹街道", "南源街道", "西村街道", "站前街道", "桥中街道", "白鹤洞街道", "冲口街道",
            "花地街道", "石围塘街道", "茶滘街道", "东漖街道", "海龙街道", "东沙街道", "中南街道");

    static final List<String> ORGANS = List.of("区民政局", "区委办公室", "区人大常委会办公室", "区政府办公室",
            "区政协办公室", "区纪委监委机关", "区委组织部", "区委宣传部", "区委统战部", "区委政法委", "区发展和改革局",
            "区教育局", "区科技工业和信息化局", "区公安分局", "区司法局", "区财政局", "区人力资源和社会保障局",
            "区规划和自然资源分局", "区生态环境分局", "区住房和建设局", "区城市管理和综合执法局", "区交通运输局", "区水务局",
            "区农业农村局", "区商务局", "区文化广电旅游体育局", "区卫生健康局", "区退役军人事务局", "区应急管理局",
            "区审计局", "区市场监督管理局", "区统计局", "区医疗保障局", "区信访局", "区政务服务数据管理局",
            "区机关事务管理局", "区总工会", "团区委", "区妇联", "区科协", "区工商联", "区残联", "区红十字会", "区档案馆",
            "区融媒体中心", "区税务局", "区人民法院", "区人民检察院", "区委党校", "区直机关工委", "区国有资产管理局",
            "区投资促进局", "区林业和园林局", "区供销合作联社", "区住房保障服务中心");

    /** The call categories: code, name, and the organs that answer for it (several separated by |). */
    static final List<String[]> CATEGORIES = List.of(
            new String[]{"MUNICIPAL", "市政设施", "区住房和建设局"},
            new String[]{"SANITATION", "环境卫生", "区城市管理和综合执法局"},
            new String[]{"GREENERY", "园林绿化", "区林业和园林局"},
            new String[]{"TRAFFIC", "道路交通", "区交通运输局"},
            new String[]{"WATER", "供水排水", "区水务局"},
            new String[]{"HOUSING", "住房保障", "区住房保障服务中心"},
            new String[]{"PROPERTY", "物业管理", "区住房和建设局"},
            new String[]{"SOCIAL_AID", "社会救助", "区民政局"},
            new String[]{"ELDERLY", "养老服务", "区民政局"},
            new String[]{"EMPLOYMENT", "就业社保", "区人力资源和社会保障局"},
            new String[]{"HEALTH", "医疗卫生", "区卫生健康局"},
            new String[]{"EDUCATION", "教育入学", "区教育局"},
            new String[]{"MARKET", "市场监管", "区市场监督管理局"},
            new String[]{"SAFETY", "安全生产", "区应急管理局"},
            new String[]{"ENVIRONMENT", "生态环境", "区生态环境分局"},
            new String[]{"VETERANS", "退役军人服务", "区退役军人事务局"},
            new String[]{"NOISE", "噪声扰民", "区生态环境分局|区城市管理和综合执法局"},
            new String[]{"ILLEGAL_BUILDING", "违法建设", "区城市管理和综合执法局|区规划和自然资源分局"},
            new String[]{"PUBLIC_SECURITY", "治安秩序", "区公安分局"},
            new String[]{"LEGAL_AID", "法律援助", "区司法局"});

    static final List<String[]> LEADERS = List.of(
            new String[]{"区委书记"}, new String[]{"区委副书记、区长"}, new String[]{"区人大常委会主任"},
            new String[]{"区政协主席"}, new String[]{"区委副书记"}, new String[]{"区委常委、常务副区长"},
            new String[]{"区委常委、组织部部长"}, new String[]{"区委常委、宣传部部长"}, new String[]{"区委常委、政法委书记"},
            new String[]{"区委常委、纪委书记、监委主任"}, new String[]{"区委常委、统战部部长"}, new String[]{"区委常委、区委办主任"},
            new String[]{"区委常委、副区长"}, new String[]{"副区长"}, new String[]{"副区长"}, new String[]{"副区长"},
            new String[]{"副区长"}, new String[]{"区人大常委会副主任"}, new String[]{"区人大常委会副主任"},
            new String[]{"区人大常委会副主任"}, new String[]{"区政协副主席"}, new String[]{"区政协副主席"},
            new String[]{"区政协副主席"}, new String[]{"区人民法院院长"}, new String[]{"区人民检察院检察长"},
            new String[]{"副区长、区公安分局局长"}, new String[]{"区人大常委会副主任"}, new String[]{"区政协副主席"},
            new String[]{"区委常委、副区长"}, new String[]{"副区长"});

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            + "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            + "区麦冼伍关邝谭";
    private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋坤锋晖志国建文德海峰振";
    private static final String FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪慧莹琳颖洁蓉倩婉佳欣怡晶璐琪瑶梅兰凤红秀珍萍嘉妍";
    private static final String SHARED = "子晓思雨嘉梓家俊一安博文诗春秋晨";
    private static final String PLACE_FIRST = "逢康荣华龙宝金彩昌源耀兴和荔岭西东南北中光德泰福安永新顺瑞祥丰裕乐仁";
    private static final String PLACE_SECOND = "源华兴盛泰安和平乐康宁湾岗园林苑坊里庄桥涌岸基景秀";
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    static String surname(Random random) {
        // Earlier surnames are more common, roughly as in the population.
        int i = (int) Math.floor(Math.pow(random.nextDouble(), 1.8) * SURNAMES.length());
        return String.valueOf(SURNAMES.charAt(Math.min(i, SURNAMES.length() - 1)));
    }

    static String givenName(Random random, boolean male) {
        String pool = male ? MALE : FEMALE;
        char last = pool.charAt(random.nextInt(pool.length()));
        if (random.nextInt(10) < 3) {
            return String.valueOf(last);
        }
        String firstPool = random.nextInt(4) == 0 ? SHARED : pool;
        return "" + firstPool.charAt(random.nextInt(firstPool.length())) + last;
    }

    static String person(Random random, boolean male) {
        return surname(random) + givenName(random, male);
    }

    /** Two-character place names, distinct, in a seeded order. */
    static List<String> places(Random random, int count) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        while (names.size() < count) {
            names.add("" + PLACE_FIRST.charAt(random.nextInt(PLACE_FIRST.length()))
                    + PLACE_SECOND.charAt(random.nextInt(PLACE_SECOND.length())));
        }
        return List.copyOf(names);
    }

    /** 1 → 一, 12 → 十二, 23 → 二十三 */
    static String numeral(int n) {
        if (n <= 10) {
            return NUMERALS[n - 1];
        }
        if (n < 20) {
            return "十" + NUMERALS[n - 11];
        }
        return NUMERALS[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10 - 1]);
    }
}
