package com.twork.points.rule.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Browser;
import com.twork.points.it.Fixtures;
import com.twork.points.it.SharedServer;
import com.twork.points.it.WooWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's rule editor in Chromium: a refusal named at its field, "what would this have cost?" before saving,
 * create, pause, edit (a new version) and end; an award's rules on the member page and the products the rules cannot
 * see. Each rule covers only its test's own category.
 */
@ExtendWith(SharedServer.class)
class RulesConsoleBrowserIT {
    static final String PASSWORD = "rules-console-password";
    static final String SECRET = "woo-secret-for-the-rules-console";
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aManagerCostsCreatesPausesEditsAndEndsARule() {
        long category = 9_100_000_000L + System.currentTimeMillis() % 1_000_000_000L;
        Fixtures.update(
                "INSERT INTO product_category_name (category_id, name, slug, updated_at) VALUES (?, 'Tea',"
                        + " 'tea', UTC_TIMESTAMP(6))",
                category);
        String login = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(login, PASSWORD, "MANAGER", null);
        browser.login(login, PASSWORD);
        browser.open("/admin/rules/editor.xhtml");
        assertTrue(
                browser.driver().getTitle().startsWith("Earning rules"),
                browser.driver().getTitle());

        String name = "Tea week " + UUID.randomUUID().toString().substring(0, 6);
        browser.type("rule:name", name);
        browser.type("rule:effect_amount", "2");
        browser.type("rule:scope_categories", category + ", 999999999998");
        browser.type("rule:priority", "41");
        browser.submit("rule:save");
        String refusal =
                browser.driver().findElement(By.cssSelector(".field-error")).getText();
        assertTrue(refusal.contains("Unknown category: 999999999998"), refusal);

        browser.type("rule:scope_categories", String.valueOf(category));
        browser.type("rule:from", "2025-01-01");
        browser.type("rule:to", "2025-01-31");
        browser.submit("rule:cost");
        assertTrue(browser.text("cost-result").contains("would have added"), browser.text("cost-result"));
        long stored = Fixtures.count("SELECT COUNT(*) FROM earning_rule_version WHERE name = ?", name);
        assertEquals(0, stored, "costing a rule stores nothing");

        browser.submit("rule:save");
        assertEquals("Rule created.", browser.notice());
        long id = Fixtures.count("SELECT rule_id FROM earning_rule_version WHERE name = ?", name);
        browser.screenshot("rules");

        click(id, "pause");
        assertEquals("Rule paused.", browser.notice());
        assertEquals("paused", Fixtures.text("SELECT status FROM earning_rule WHERE rule_id = ?", id));

        browser.open("/admin/rules/editor.xhtml?edit=" + id);
        assertTrue(browser.text("form-title").contains("Edit rule " + id), browser.text("form-title"));
        browser.type("rule:effect_amount", "3");
        browser.submit("rule:save");
        assertEquals("Rule saved as a new version.", browser.notice());
        assertEquals(2, Fixtures.count("SELECT current_version FROM earning_rule WHERE rule_id = ?", id));

        click(id, "end");
        assertEquals("Rule ended.", browser.notice());
        assertEquals("ended", Fixtures.text("SELECT status FROM earning_rule WHERE rule_id = ?", id));
    }

    @Test
    void theMemberPageShowsWhatEachRuleAddedAndTheEditorTheProductsTheRulesCannotSee() {
        long tea = 9_200_000_000L + System.currentTimeMillis() % 1_000_000_000L;
        long category = tea + 1;
        long unknownProduct = tea + 2;
        Fixtures.update(
                "INSERT INTO product_category_name (category_id, name, slug, updated_at) VALUES (?, 'Green tea',"
                        + " 'green-tea', UTC_TIMESTAMP(6))",
                category);
        Fixtures.update(
                "INSERT INTO product (product_id, sku, name, updated_at) VALUES (?, ?, 'Sencha', UTC_TIMESTAMP(6))",
                tea,
                "SENCHA-" + tea);
        Fixtures.update("INSERT INTO product_category (product_id, category_id) VALUES (?, ?)", tea, category);
        String login = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(login, PASSWORD, "MANAGER", null);
        browser.login(login, PASSWORD);
        browser.open("/admin/rules/editor.xhtml");
        String name = "Sencha days " + UUID.randomUUID().toString().substring(0, 6);
        browser.type("rule:name", name);
        browser.type("rule:effect_amount", "2");
        browser.type("rule:scope_categories", String.valueOf(category));
        browser.type("rule:priority", "43");
        browser.submit("rule:save");
        assertEquals("Rule created.", browser.notice());
        long id = Fixtures.count("SELECT rule_id FROM earning_rule_version WHERE name = ?", name);

        long member = Fixtures.newMember();
        String order = Json.createObjectBuilder()
                .add("id", tea)
                .add("status", "completed")
                .add("customer_id", member)
                .add("total", "35.50") // 1.50 of it in no line: the remainder, product 0
                .add("total_tax", "0.00")
                .add("shipping_total", "0.00")
                .add(
                        "line_items",
                        Json.createArrayBuilder()
                                .add(line(1, tea, 2, "24.00"))
                                .add(line(2, unknownProduct, 1, "10.00")))
                .add("refunds", Json.createArrayBuilder())
                .add("date_modified_gmt", "2026-07-02T10:00:00")
                .build()
                .toString();
        Fixtures.setSetting("webhook_secret", SECRET);
        try {
            JsonObject receipt = WooWebhooks.deliver(
                            "order.updated", UUID.randomUUID().toString(), order, WooWebhooks.sign(SECRET, order))
                    .assertOk();
            assertEquals("applied", receipt.getString("outcome"), receipt.toString());
        } finally {
            Fixtures.setSetting("webhook_secret", "");
        }

        browser.open("/admin/member.xhtml?id=" + member);
        List<String> explained = browser.driver().findElements(By.cssSelector(".award-rules li")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(List.of("2× " + name + ": +24"), explained, "the tea line's 24 points doubled, nothing else");
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.querySelector('.award-rules').scrollIntoView({block: 'center'})");
        browser.screenshot("member-award-rules");

        browser.open("/admin/rules/editor.xhtml");
        WebElement unknown = browser.driver()
                .findElement(By.cssSelector("#unknown-products tr[data-product='" + unknownProduct + "']"));
        assertTrue(unknown.getText().startsWith(unknownProduct + " 1 1"), unknown.getText());
        assertTrue(
                browser.driver()
                        .findElements(By.cssSelector("#unknown-products tr[data-product='" + tea + "']"))
                        .isEmpty(),
                "a product the catalog knows is not listed");
        assertTrue(
                browser.driver()
                        .findElements(By.cssSelector("#unknown-products tr[data-product='0']"))
                        .isEmpty(),
                "the order's remainder is no product");

        click(id, "end");
        assertEquals("Rule ended.", browser.notice());
    }

    private static JsonObjectBuilder line(long id, long product, int quantity, String total) {
        return WooWebhooks.line(id, product, quantity, total);
    }

    /** Clicks a row's action button and waits for the page the redirect leads to. */
    private static void click(long id, String action) {
        WebElement button = browser.driver()
                .findElement(By.xpath("//tr[@id='rule-" + id + "']//input[@data-action='" + action + "']"));
        button.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> driver.getCurrentUrl().contains("done=rule-" + action + "ed")
                        || driver.getCurrentUrl().contains("done=rule-" + action + "d"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver ->
                        "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }
}
