package org.ronghe.insight.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ronghe.directory.Directory;
import org.ronghe.insight.diagnosis.Diagnoses;
import org.ronghe.insight.diagnosis.Diagnosis;
import org.ronghe.insight.diagnosis.Fading;
import org.ronghe.insight.diagnosis.TwoSkins;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.ronghe.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Drafts the annual report for the reader's scope. Section one states the figures of the same {@link FigureSource}
 * beans that answer {@code GET /api/v1/figures} for the reader — they count the records as they are today, so only the
 * current year's report states them ("数据截至…"); a past year's report says so and keeps to the year-bound diagnosis.
 * Section two is the diagnosis of the year, each problem with the organs and numbers behind it and their pages.
 */
@Service
public class AnnualReports {

    static final List<String> MEASURES = List.of("（一）抓理论武装，促思想融合", "（二）抓堡垒夯固，促组织融合", "（三）抓队伍建设，促能力融合",
            "（四）抓机制创新，促工作融合", "（五）抓载体搭建，促服务融合");
    static final String TO_WRITE = "（待工委结合本年度诊断撰写。）";

    private final Diagnoses diagnoses;
    private final List<FigureSource> figures;
    private final MessageSource messages;
    private final Directory directory;

    AnnualReports(Diagnoses diagnoses, List<FigureSource> figures, MessageSource messages, Directory directory) {
        this.diagnoses = diagnoses;
        this.figures = figures;
        this.messages = messages;
        this.directory = directory;
    }

    public AnnualReport draft(CurrentUser user, Integer year) {
        Diagnosis d = diagnoses.diagnose(user, year, null);
        LocalDate today = d.asOf();
        boolean current = d.year() == today.getYear();
        String who = user.role() == Role.ORGAN_SECRETARY
                ? directory.organ(user.scopeCode()).map(Directory.OrganRef::name).orElse(user.scopeCode()) : "区直机关";
        String title = who + "党建与业务工作融合发展" + d.year() + "年度调研报告（草稿）";
        List<AnnualReport.Source> sources = current ? sources(user) : List.of();
        String preface = current
                ? "本报告由平台根据业务记录自动起草，数据截至" + chinese(today) + "，统计范围为" + who + "。文中每一项数字均可在附表“数据来源”中查到其查询链接。"
                : "本报告由平台根据业务记录自动起草。平台的统计数字反映当前记录，不能作为" + d.year() + "年的数据引用，故第一部分不列数字；"
                  + "第二部分的诊断按" + d.year() + "年的记录计算。";
        List<AnnualReport.Section> sections = List.of(
                practice(current, d.year(), today, sources),
                problems(d),
                new AnnualReport.Section("三、对策措施", List.of(), MEASURES.stream()
                        .map(h -> new AnnualReport.Part(h, List.of(TO_WRITE))).toList()));
        return new AnnualReport(title, d.year(), today, preface, sections, current, sources);
    }

    private List<AnnualReport.Source> sources(CurrentUser user) {
        List<AnnualReport.Source> sources = new ArrayList<>();
        for (FigureSource source : figures) {
            for (FigureSource.Figure f : source.figures(user)) {
                sources.add(new AnnualReport.Source(f.key(), messages.getMessage("figure." + f.key(), null, f.key(), Locale.SIMPLIFIED_CHINESE),
                        stated(f), f.link()));
            }
        }
        return sources;
    }

    /** A count as a whole number, a share as a percentage with two decimals, a share with nothing to count as 暂无. */
    static String stated(FigureSource.Figure f) {
        if (f.value() == null) {
            return "暂无";
        }
        BigDecimal value = new BigDecimal(f.value().toString());
        if (f.share()) {
            return value.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static AnnualReport.Section practice(boolean current, int year, LocalDate today, List<AnnualReport.Source> sources) {
        if (!current) {
            return new AnnualReport.Section("一、主要做法", List.of("平台的统计数字按当前记录计算，无法还原" + year
                    + "年的数字，本部分请结合当年台账撰写。"), List.of());
        }
        List<String> stated = sources.stream().map(s -> s.label() + " " + s.value()).toList();
        return new AnnualReport.Section("一、主要做法", List.of(
                "截至" + chinese(today) + "，平台记录显示：" + String.join("，", stated) + "。",
                "以上数字均由记录计算，查询链接见附表“数据来源”；具体做法请委员会结合数字补充。"), List.of());
    }

    private static AnnualReport.Section problems(Diagnosis d) {
        List<AnnualReport.Part> parts = new ArrayList<>();
        List<String> fading = new ArrayList<>();
        List<Fading.Verdict> flagged = d.fading().organs().stream().filter(Fading.Verdict::flagged).toList();
        fading.add("按" + d.year() + "年的组织生活记录，" + d.fading().organs().size() + "个机关中有" + flagged.size()
                + "个出现第一议题学习、党课或出勤方面的问题。");
        flagged.forEach(v -> fading.add(v.organName() + "：" + String.join("；", v.reasons()) + "（见 " + v.link() + "）。"));
        parts.add(new AnnualReport.Part("（一）思想认识“有温差”，政治意识“淡化”", fading));
        List<String> skins = new ArrayList<>();
        if (!d.twoSkins().available()) {
            skins.add(d.twoSkins().note() + "。");
        } else {
            List<TwoSkins.Verdict> apart = d.twoSkins().organs().stream().filter(TwoSkins.Verdict::flagged).toList();
            skins.add("按" + d.year() + "年度考核结果（第 " + d.twoSkins().runId() + " 次计算，" + (d.twoSkins().published() ? "已发布" : "未发布")
                    + "），" + d.twoSkins().organs().size() + "个机关中有" + apart.size() + "个党建得分与业务得分相差 "
                    + d.settings().twoSkinsGap().stripTrailingZeros().toPlainString() + " 分以上。");
            apart.forEach(v -> skins.add(v.sides().organName() + "：" + v.reading() + "（见 " + v.sides().link() + "）。"));
        }
        parts.add(new AnnualReport.Part("（二）党建业务“两张皮”，领导效能“弱化”", skins));
        List<String> hollow = new ArrayList<>();
        hollow.add("全部党组织按层级的组织生活合规率：" + d.attenuation().overall().reading() + "（见 " + d.attenuation().link() + "）。");
        d.attenuation().organs().stream().filter(o -> o.verdict().flagged())
                .forEach(o -> hollow.add(o.organName() + "：" + o.verdict().reading() + "（见 " + o.link() + "）。"));
        for (Diagnosis.WithoutOutcome w : d.withoutOutcomes()) {
            StringBuilder line = new StringBuilder(w.label() + " " + w.count() + " 件（共 " + w.of() + " 件"
                    + (w.yearBound() ? "" : "，截至" + chinese(d.asOf()) + "的全部记录") + "）");
            if (w.link() != null) {
                line.append("（见 ").append(w.link()).append("）");
            } else {
                w.byOrgan().stream().filter(p -> p.count() > 0).forEach(p -> line.append("；").append(p.organName()).append(" ")
                        .append(p.count()).append(" 件（见 ").append(p.link()).append("）"));
            }
            hollow.add(line + "。");
        }
        parts.add(new AnnualReport.Part("（三）治党压力“层递减”，责任落实“虚化”", hollow));
        return new AnnualReport.Section("二、现实问题及原因分析", List.of(), parts);
    }

    static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
