package org.ronghe.calls.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** What residents call about, by category, for the demo district's year of calls. Fictional. */
final class Topics {

    private Topics() {
    }

    static final Map<String, List<String>> TITLES = Map.ofEntries(
            Map.entry("MUNICIPAL", List.of("路灯不亮影响夜间出行", "人行道地砖松动", "雨水井盖破损", "小区门口道路坑洼积水")),
            Map.entry("SANITATION", List.of("垃圾清运不及时有异味", "楼道堆放杂物", "公厕卫生差", "生活垃圾分类点满溢")),
            Map.entry("GREENERY", List.of("行道树枝叶遮挡路灯", "绿化带杂草丛生", "台风后树木倒伏未清理")),
            Map.entry("TRAFFIC", List.of("路口红绿灯时长不合理", "学校门口违停严重", "公交站台破损")),
            Map.entry("WATER", List.of("小区停水未提前通知", "水压低高层用水困难", "下水道堵塞返水", "暴雨后地下车库积水")),
            Map.entry("HOUSING", List.of("公租房维修申请无人处理", "保障房租金补贴咨询", "老旧小区加装电梯进度")),
            Map.entry("PROPERTY", List.of("物业不作为电梯长期故障", "物业费收支不公开", "小区门禁系统损坏")),
            Map.entry("SOCIAL_AID", List.of("低保申请材料咨询", "困难家庭临时救助", "残疾人两项补贴发放")),
            Map.entry("ELDERLY", List.of("独居老人需要助餐服务", "长者饭堂就餐名额", "老人居家适老化改造", "高龄津贴未到账")),
            Map.entry("EMPLOYMENT", List.of("灵活就业人员社保缴费", "失业登记办理", "拖欠农民工工资")),
            Map.entry("HEALTH", List.of("社区卫生站家庭医生签约", "疫苗接种预约困难", "诊所卫生条件差")),
            Map.entry("EDUCATION", List.of("学位申请政策咨询", "校外培训机构退费难", "学校周边安全隐患")),
            Map.entry("MARKET", List.of("菜市场缺斤少两", "餐饮店卫生问题", "超市销售过期食品")),
            Map.entry("SAFETY", List.of("电动车楼道充电隐患", "燃气管道老化", "商铺消防通道堵塞")),
            Map.entry("ENVIRONMENT", List.of("餐饮油烟扰民", "河涌水体发黑发臭", "工地扬尘污染")),
            Map.entry("VETERANS", List.of("退役军人优待证办理", "伤残抚恤金咨询")),
            Map.entry("NOISE", List.of("夜间施工噪声扰民", "广场舞音响声音过大", "酒吧深夜噪声")),
            Map.entry("ILLEGAL_BUILDING", List.of("楼顶违章搭建", "首层商铺占道搭建", "小区绿地被圈占")),
            Map.entry("PUBLIC_SECURITY", List.of("小区监控缺失", "夜间有人聚集滋事", "电动车被盗")),
            Map.entry("LEGAL_AID", List.of("劳动纠纷法律援助", "邻里纠纷调解", "遗产继承法律咨询")));

    static String title(String category, Random random) {
        List<String> titles = TITLES.getOrDefault(category, List.of("居民反映问题"));
        return titles.get(random.nextInt(titles.size()));
    }

    static String reply(Random random) {
        String[] replies = {"已派员现场核查并完成处置，已电话回复居民。", "已协调相关单位处理完毕，将持续跟进。",
                "已纳入本月整治计划，现场已先行处置。", "经核实已按政策办理，已告知办理结果。"};
        return replies[random.nextInt(replies.length)];
    }
}
