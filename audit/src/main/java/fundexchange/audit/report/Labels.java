package fundexchange.audit.report;

import java.util.List;
import java.util.Map;

/**
 * The report's words in English or Chinese: each English phrase is its own key. A phrase without a Chinese
 * translation fails the Chinese rendering (a test renders every section), so none is shown in the wrong language.
 */
public enum Labels {
    EN("en"), ZH("zh-CN");

    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("Daily regulator report", "监管日报"),
            Map.entry("Business day", "营业日"),
            Map.entry("in the platform zone", "平台时区"),
            Map.entry("journal indices", "日志序号"),
            Map.entry("none", "无"),
            Map.entry("to", "至"),
            Map.entry("The day is complete in the journal.", "日志中该日已完整。"),
            Map.entry("The journal ends within this day or before it: the day may still grow.",
                    "日志止于该日或之前：该日内容可能仍会增加。"),
            Map.entry("Trades to review", "待审阅的成交"),
            Map.entry("Outlier rule", "异常规则"),
            Map.entry("Outliers", "异常"),
            Map.entry("Trade", "成交"),
            Map.entry("Time", "时间"),
            Map.entry("Mechanism", "机制"),
            Map.entry("Fund", "基金"),
            Map.entry("Seller", "卖方"),
            Map.entry("Buyer", "买方"),
            Map.entry("Units", "份额"),
            Map.entry("Price", "价格"),
            Map.entry("Consideration", "对价"),
            Map.entry("Currency", "币种"),
            Map.entry("NAV", "资产净值"),
            Map.entry("% of NAV", "占净值 %"),
            Map.entry("Multiple of cost", "成本倍数"),
            Map.entry("VWAP", "加权均价"),
            Map.entry("From VWAP (bp)", "偏离均价（基点）"),
            Map.entry("From NAV (bp)", "偏离净值（基点）"),
            Map.entry("Refusals by participant and code", "按参与者与代码统计的拒绝"),
            Map.entry("Participant", "参与者"),
            Map.entry("Name", "名称"),
            Map.entry("Code", "代码"),
            Map.entry("Reason", "原因"),
            Map.entry("Count", "次数"),
            Map.entry("Pledges, freezes, suspensions and key revocations", "质押、冻结、暂停与密钥吊销"),
            Map.entry("Kind", "类别"),
            Map.entry("Reference", "编号"),
            Map.entry("Detail", "说明"),
            Map.entry("Index", "序号"),
            Map.entry("Listings by mechanism", "按机制统计的挂牌"),
            Map.entry("Listings by mechanism and state", "按机制与状态统计的挂牌"),
            Map.entry("State", "状态"),
            Map.entry("Listings", "挂牌数"),
            Map.entry("Listing", "挂牌"),
            Map.entry("Event", "事件"),
            Map.entry("Trades", "成交"),
            Map.entry("Price as % of NAV", "价格占净值百分比"),
            Map.entry("NAV 100%", "净值 100%"),
            Map.entry("cost 1.0x", "成本 1.0 倍"),
            Map.entry("Settlements", "结算"),
            Map.entry("Seller cost released", "释放的卖方成本"),
            Map.entry("Holders after", "结算后持有人数"),
            Map.entry("Failed settlements", "结算失败"),
            Map.entry("Pledges", "质押"),
            Map.entry("Freezes", "冻结"),
            Map.entry("Event type", "事件类型"),
            Map.entry("Type", "类型"),
            Map.entry("Rejections by code", "按代码统计的拒绝"),
            Map.entry("Command", "指令"),
            Map.entry("Message", "消息"),
            Map.entry("Qualification changes", "合格投资者资格变更"),
            Map.entry("Status", "状态"),
            Map.entry("Valid until", "有效期至"),
            Map.entry("Proposed by", "提议人"),
            Map.entry("Approved by", "批准人"),
            Map.entry("Participant approvals", "参与者审批"),
            Map.entry("Key revocations", "密钥吊销"),
            Map.entry("Key", "密钥"),
            Map.entry("Revoked by", "吊销人"),
            Map.entry("Audit checkpoints", "审计检查点"),
            Map.entry("Chain index", "链序号"),
            Map.entry("Chain head", "链头"),
            Map.entry("Platform parameter changes", "平台参数变更"),
            Map.entry("Events this version could not read", "本版本无法读取的事件"),
            Map.entry("Place in document", "在文档中的位置"),
            Map.entry("Parameter", "参数"),
            Map.entry("Value", "值"),
            Map.entry("Commands", "指令"),
            Map.entry("Total", "合计"),
            Map.entry("Accepted", "已接受"),
            Map.entry("Rejected", "已拒绝"),
            Map.entry("Duplicate", "重复"),
            Map.entry("Ticks", "时钟"),
            Map.entry("Command type", "指令类型"),
            Map.entry("None.", "无。"),
            Map.entry("(unsigned)", "（未签名）"));

    private final String htmlLang;

    Labels(String htmlLang) {
        this.htmlLang = htmlLang;
    }

    /** The value of the page's {@code lang} attribute. */
    String htmlLang() {
        return htmlLang;
    }

    /** The phrase in this language. */
    String t(String english) {
        if (this == EN) {
            return english;
        }
        String chinese = CHINESE.get(english);
        if (chinese == null) {
            throw new IllegalStateException("no Chinese for the report phrase: " + english);
        }
        return chinese;
    }

    /** Each phrase in this language. */
    List<String> all(String... english) {
        return java.util.Arrays.stream(english).map(this::t).toList();
    }
}
