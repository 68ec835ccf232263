package org.ronghe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageLinksTests {

    @Test
    void thePagerKeepsEveryFilterAndReplacesOnlyThePage() {
        PageLinks links = new PageLinks("/members", "q=%E7%8E%8B&page=3&status=FULL");
        assertThat(links.page(4)).isEqualTo("/members?q=%E7%8E%8B&status=FULL&page=4");
    }

    @Test
    void theLanguageSwitchKeepsThePageAndItsFilters() {
        assertThat(new PageLinks("/territory", null).lang("en")).isEqualTo("/territory?lang=en");
        assertThat(new PageLinks("/members", "lang=en&page=2").lang("zh_CN")).isEqualTo("/members?page=2&lang=zh_CN");
    }
}
