package io.siyu.growth.web;

import io.siyu.growth.GiftReward;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The warehouse's shipping list: a BOM so that Excel reads the Chinese, one gift a row, fields quoted as needed. */
final class GiftCsv {

    private static final List<String> HEADER =
            List.of("礼品编号", "阶梯", "礼品", "收件人", "手机", "省", "市", "区", "详细地址", "快递公司", "运单号");

    private GiftCsv() {}

    static String write(List<GiftReward> gifts) {
        var out = new StringBuilder("\uFEFF").append(line(HEADER.stream()));
        for (var g : gifts) {
            var a = g.address();
            out.append(line(Stream.of(
                    String.valueOf(g.id()),
                    String.valueOf(g.stage()),
                    g.gift(),
                    a == null ? "" : a.recipient(),
                    a == null ? "" : a.mobile(),
                    a == null ? "" : a.province(),
                    a == null ? "" : a.city(),
                    a == null ? "" : a.district(),
                    a == null ? "" : a.detail(),
                    g.carrier() == null ? "" : g.carrier(),
                    g.trackingNo() == null ? "" : g.trackingNo())));
        }
        return out.toString();
    }

    private static String line(Stream<String> cells) {
        return cells.map(GiftCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quoted when it holds a comma, quote or line break; a leading = + - @ is defused against formula injection. */
    static String cell(String value) {
        var safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
