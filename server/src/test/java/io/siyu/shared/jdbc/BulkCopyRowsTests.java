package io.siyu.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Rows in COPY's text format: what PostgreSQL reads back must be exactly what was written. */
class BulkCopyRowsTests {

    @Test
    void plainValuesGoAsTheyAreAndSeparatorsInsideValuesAreEscaped() {
        var out = new StringWriter();
        var rows = new BulkCopy.Rows(out);
        rows.value(42).value("plain 文本 {\"a\": 1}").nullValue().end();
        rows.value("tab\there")
                .value("line\nbreak\r")
                .value("back\\slash {\"p\": \"a\\\"b\"}")
                .end();

        assertThat(out.toString())
                .isEqualTo("42\tplain 文本 {\"a\": 1}\t\\N\n"
                        + "tab\\there\tline\\nbreak\\r\tback\\\\slash {\"p\": \"a\\\\\"b\"}\n");
    }
}
