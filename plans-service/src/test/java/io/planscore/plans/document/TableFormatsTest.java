package io.planscore.plans.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TableFormatsTest {

    /** Found by the hostile-input campaign: the 400 for an unclosed quote named Jackson's reader and java.lang.Object. */
    @Test
    void anUnclosedQuoteIsDescribedWithoutJavaNames() {
        TableFormats.UnreadableTable unreadable = catchThrowableOfType(TableFormats.UnreadableTable.class,
                () -> TableFormats.readCsv("序號,關鍵策略目標\r\n1,\"never closed,\r\n"));

        assertThat(unreadable.getMessage()).startsWith("The body is not readable CSV: Missing closing quote")
                .contains("at line").doesNotContain("java.", "Source", "StringReader", "reference chain");
    }
}
