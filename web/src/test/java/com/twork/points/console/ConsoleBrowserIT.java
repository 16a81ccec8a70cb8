package com.twork.points.console;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Browser;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import com.twork.points.security.control.KeyHashing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console in a real browser (Debian's Chromium, headless) against the shared server: what an operator does,
 * checked on the page and in the database. Each test logs in as its own new account.
 */
@ExtendWith(SharedServer.class)
class ConsoleBrowserIT {
    static final String PASSWORD = "console-password-1";
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

    /** A new staff account, logged in in the browser; returns its account id. */
    private static long newStaff(String role) {
        String login = role.toLowerCase(java.util.Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        long id = Fixtures.newAccount(login, PASSWORD, role, null);
        browser.driver().manage().deleteAllCookies();
        browser.login(login, PASSWORD);
        assertTrue(
                browser.driver().getTitle().startsWith("Dashboard"),
                "logged in: " + browser.driver().getTitle());
        return id;
    }

    @Test
    void adminFindsAMemberAdjustsWithAReasonAndSeesBalanceAuditAndTransaction() {
        long admin = newStaff("ADMIN");
        long member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 300, Fixtures.now(), Fixtures.now().plus(Duration.ofDays(200)));

        browser.open("/admin/members.xhtml");
        browser.type("member-search", Long.toString(member));
        browser.submit("search-submit");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#members tbody tr"));
        assertEquals(1, rows.size(), "the search finds exactly this member");
        rows.get(0).findElement(By.linkText(Long.toString(member))).click();
        assertEquals("300", browser.text("balance"));
        browser.screenshot("member");

        browser.type("adjust:delta", "150");
        browser.submit("adjust:submit");
        assertEquals(
                "A reason is required.",
                browser.find("adjust").findElement(By.className("field-error")).getText());
        assertEquals(300, Ledger.balance(member), "a refused adjustment changes nothing");

        browser.type("adjust:delta", "150");
        browser.type("adjust:reason", "Goodwill for a late delivery");
        browser.submit("adjust:submit");
        assertEquals("Points adjusted.", browser.text("notice"));
        assertEquals("450", browser.text("balance"));
        assertEquals(450, Ledger.assertInvariant(member));
        assertTrue(browser.driver().getCurrentUrl().contains("done=adjusted"), "redirected after the POST");

        browser.open("/admin/audit.xhtml?member=" + member);
        String audit = browser.text("audit");
        assertTrue(audit.contains("Goodwill for a late delivery"), audit);
        assertTrue(audit.contains("account:" + admin), "the audit row names the staff member: " + audit);
        assertTrue(browser.text("chain-state").contains("Chain verified"));
        browser.screenshot("audit");

        browser.open("/admin/transactions.xhtml?member=" + member + "&type=adjust");
        List<WebElement> adjustments = browser.driver().findElements(By.cssSelector("table.transactions tbody tr"));
        assertEquals(1, adjustments.size());
        assertTrue(
                adjustments.get(0).getText().contains("150"), adjustments.get(0).getText());
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM audit_log WHERE member_user_id = ? AND reason = ?",
                        member,
                        "Goodwill for a late delivery"));
    }

    @Test
    void csvExportAppliesTheFiltersAndNeutralisesFormulas() throws Exception {
        newStaff("MANAGER");
        long member = Fixtures.newMember();
        Instant now = Fixtures.now();
        Fixtures.insertRow(member, "earn", 40, "=HYPERLINK(\"http://evil\")", "WC-9" + member, now, null, "available");
        Fixtures.insertRow(member, "earn", 41, "Plain, with \"quotes\"", null, now, null, "available");
        Fixtures.insertRow(member, "redeem", 5, "Not an earn", null, now, null, "available");

        browser.open("/admin/transactions.xhtml");
        new org.openqa.selenium.support.ui.Select(browser.find("filter-type")).selectByValue("earn");
        browser.type("filter-member", Long.toString(member));
        browser.submit("filter-submit");
        assertEquals(
                2,
                browser.driver()
                        .findElements(By.cssSelector("table.transactions tbody tr"))
                        .size());
        browser.screenshot("transactions");
        String href = browser.find("export").getAttribute("href");
        assertTrue(href.contains("type=earn") && href.contains("member=" + member), href);

        String cookie =
                browser.driver().manage().getCookieNamed("twork_console").getValue();
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href.replace("localhost", "127.0.0.1")))
                                .header("Cookie", "twork_console=" + cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        assertEquals(
                "attachment; filename=\"twork-points-transactions-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        assertEquals(
                "ID,User ID,User Email,Type,Points,Description,Order ID,Created At,Expires At,Expired?", lines.get(0));
        assertEquals(3, lines.size(), "header and the two earn rows: " + lines);
        String injected = lines.stream()
                .filter(line -> line.contains("HYPERLINK"))
                .findFirst()
                .orElseThrow();
        assertTrue(injected.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","), injected);
        assertTrue(injected.contains(",earn,40,") && injected.contains("member" + member + "@example.test"), injected);
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"Plain, with \"\"quotes\"\"\"")), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains("Not an earn")));
    }

    @Test
    void anInvalidSettingIsNamedAtItsFieldAndNothingIsSavedThenAValidOneIs() {
        newStaff("ADMIN");
        String before = text("SELECT value FROM setting WHERE name = 'referral_bonus'");
        try {
            browser.open("/admin/settings.xhtml");
            browser.type("setting_referral_bonus", "lots");
            browser.type("setting_birthday_bonus", "201");
            browser.submit("settings:submit");
            assertEquals("Enter a whole number.", browser.text("error_referral_bonus"));
            assertEquals("true", browser.find("setting_referral_bonus").getAttribute("aria-invalid"));
            assertEquals("", browser.text("error_birthday_bonus"));
            assertEquals(before, text("SELECT value FROM setting WHERE name = 'referral_bonus'"));
            assertEquals("200", text("SELECT value FROM setting WHERE name = 'birthday_bonus'"), "all or nothing");
            browser.screenshot("settings-error");

            browser.type("setting_referral_bonus", "650");
            browser.submit("settings:submit");
            assertEquals("Settings saved.", browser.text("notice"));
            assertEquals("650", text("SELECT value FROM setting WHERE name = 'referral_bonus'"));
            assertEquals("650", browser.find("setting_referral_bonus").getAttribute("value"));
        } finally {
            Fixtures.setSetting("referral_bonus", before);
            Fixtures.setSetting("birthday_bonus", "200");
        }
    }

    @Test
    void aKeyCreatedHereShowsItsSecretOnceWorksOnTheApiAndStopsWhenRevoked() {
        newStaff("ADMIN");
        long member = Fixtures.newMember();
        browser.open("/admin/keys.xhtml");
        browser.type("create:description", "Console test key");
        browser.submit("create:submit");
        String consumerKey = browser.text("consumer-key");
        String consumerSecret = browser.text("consumer-secret");
        assertTrue(consumerKey.startsWith("ck_") && consumerSecret.startsWith("cs_"), consumerKey);
        browser.screenshot("keys-created");
        Fixtures.Key key = new Fixtures.Key(
                count("SELECT id FROM api_key WHERE truncated_key = ?", KeyHashing.truncated(consumerKey)),
                consumerKey,
                consumerSecret);
        Reply ok = Api.get("/balance/" + member, key);
        assertEquals(200, ok.status(), ok.body());

        browser.open("/admin/keys.xhtml");
        assertFalse(browser.has("consumer-secret"), "the secret is shown once");
        assertFalse(browser.driver().getPageSource().contains(consumerSecret));
        browser.submitConfirmed("revoke-" + key.id());
        assertEquals("API key revoked.", browser.text("notice"));
        assertEquals(401, Api.get("/balance/" + member, key).status(), "a revoked key is refused");
    }

    @Test
    void aManagerIsRefusedSettingsKeysAndAccounts() {
        newStaff("MANAGER");
        String menu = browser.driver().findElement(By.cssSelector("nav.menu")).getText();
        assertFalse(menu.contains("Settings") || menu.contains("API keys") || menu.contains("Accounts"), menu);
        for (String page : List.of("settings", "keys", "accounts")) {
            browser.open("/admin/" + page + ".xhtml");
            assertEquals("Not allowed · T-Work Points", browser.driver().getTitle(), page);
        }
        browser.open("/admin/tiers.xhtml");
        assertFalse(browser.has("tiers:submit"), "a manager sees the ladder but cannot edit it");
    }

    @Test
    void theDashboardChartsCarryTodaysFiguresAndThePagesFitAPhone() {
        newStaff("ADMIN");
        long member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 777, Fixtures.now(), null);
        browser.open("/admin/");
        List<WebElement> earned =
                browser.driver().findElements(By.cssSelector("#daily-chart rect[data-series='earned']"));
        assertEquals(30, earned.size(), "a bar per day for 30 days");
        long today = Long.parseLong(earned.get(29).getAttribute("data-value"));
        assertTrue(today >= 777, "today's bar holds the new lot: " + today);
        long inTiers = browser.driver().findElements(By.cssSelector("#tier-chart rect")).stream()
                .mapToLong(bar -> Long.parseLong(bar.getAttribute("data-value")))
                .sum();
        assertEquals(
                Long.parseLong(browser.text("total-members").replace(",", "")),
                inTiers,
                "every member stands in one tier");
        browser.screenshot("dashboard");

        for (String page : List.of(
                "",
                "members.xhtml",
                "transactions.xhtml",
                "orders.xhtml",
                "reports.xhtml",
                "tiers.xhtml",
                "webhooks.xhtml",
                "audit.xhtml",
                "settings.xhtml",
                "keys.xhtml",
                "accounts.xhtml")) {
            browser.open("/admin/" + page);
            assertFalse(browser.driver().getTitle().startsWith("Something"), page);
            browser.screenshot("page-" + (page.isEmpty() ? "index" : page.replace(".xhtml", "")));
        }
        browser.resize(390, 844);
        try {
            for (String page : List.of("", "members.xhtml", "member.xhtml?id=" + member, "transactions.xhtml")) {
                browser.open("/admin/" + page);
                Object overflow = browser.driver()
                        .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
                assertEquals(Boolean.FALSE, overflow, "no sideways scrolling on a phone: " + page);
            }
            browser.screenshot("phone-member");
        } finally {
            browser.resize(1280, 1000);
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirstAndTheFormsInOrder() {
        newStaff("MANAGER");
        browser.open("/admin/members.xhtml");
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = browser.driver().switchTo().activeElement();
        assertEquals("Skip to content", first.getText());
        first.sendKeys(Keys.ENTER);
        assertTrue(browser.driver().getCurrentUrl().endsWith("#main"));
    }

    @Test
    void runExpiryNowAndReconcileBalancesBothWork() {
        newStaff("ADMIN");
        long due = Fixtures.newMember();
        Fixtures.insertLot(
                due,
                "earn",
                90,
                Fixtures.now().minus(Duration.ofDays(400)),
                Fixtures.now().minus(Duration.ofDays(1)));
        long drifted = Fixtures.newMember();
        Fixtures.insertLot(drifted, "earn", 60, Fixtures.now(), null);
        Fixtures.update("UPDATE point_account SET balance = 75 WHERE user_id = ?", drifted);

        browser.open("/admin/reports.xhtml");
        assertTrue(browser.text("drifts").contains(Long.toString(drifted)));
        browser.screenshot("reports");
        browser.submitConfirmed("expiry:submit");
        assertEquals("Expiry ran.", browser.text("notice"));
        assertTrue(browser.text("expiry-summary").matches("\\d+ lot\\(s\\) expired, \\d+ point\\(s\\)."));
        assertEquals(0, Ledger.assertInvariant(due), "the due lot expired");
        assertEquals(1, count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'expire'", due));

        browser.type("reconcile:reason", "Console reconcile test");
        browser.submitConfirmed("reconcile:submit");
        // The suites share one database, and listing tests write raw rows whose drift no repair may touch: with
        // those present the page reports them apart instead of the plain notice. This member is repaired either way.
        if (browser.has("notice")) {
            assertEquals("Balances reconciled.", browser.text("notice"));
        } else {
            assertTrue(browser.driver().getPageSource().contains("balance(s) repaired;"), "the page says what it did");
        }
        assertEquals(60, Ledger.assertInvariant(drifted), "the stored balance follows the lots again");
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM audit_log WHERE member_user_id = ? AND action = 'balance.repaired'"
                                + " AND reason = 'Console reconcile test'",
                        drifted));
    }

    @Test
    void anAdminCreatesDisablesAndResetsAccountsAndStaffChangeTheirPassword() {
        newStaff("ADMIN");
        String login = "made-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("/admin/accounts.xhtml");
        browser.type("create:login", login);
        browser.type("create:password", "short");
        browser.submit("create:submit");
        assertTrue(browser.text("messages").contains("A password is 10 to 200 characters"), browser.text("messages"));
        browser.type("create:login", login);
        browser.type("create:password", "a-good-long-password");
        browser.submit("create:submit");
        assertEquals("Account created.", browser.text("notice"));
        long id = count("SELECT id FROM account WHERE login = ?", login);
        assertEquals("MANAGER", text("SELECT role FROM account WHERE id = ?", id));
        browser.screenshot("accounts");

        browser.submitConfirmed("toggle-" + id);
        assertEquals("Account disabled.", browser.text("notice"));
        assertEquals(0, count("SELECT enabled FROM account WHERE id = ?", id));
        browser.submit("toggle-" + id);
        assertEquals("Account enabled.", browser.text("notice"));

        new org.openqa.selenium.support.ui.Select(browser.find("reset:account")).selectByValue(Long.toString(id));
        browser.type("reset:password", "another-long-password");
        browser.submitConfirmed("reset:submit");
        assertEquals("Password reset; the account's sessions were closed.", browser.text("notice"));

        browser.driver().manage().deleteAllCookies();
        browser.login(login, "another-long-password");
        assertTrue(browser.driver().getTitle().startsWith("Dashboard"));
        browser.open("/admin/password.xhtml");
        browser.type("password:current", "another-long-password");
        browser.type("password:fresh", "third-long-password");
        browser.type("password:repeated", "third-long-passwordX");
        browser.submit("password:submit");
        assertEquals(
                "The two new passwords differ.",
                browser.find("password")
                        .findElement(By.className("field-error"))
                        .getText());
        browser.type("password:current", "another-long-password");
        browser.type("password:fresh", "third-long-password");
        browser.type("password:repeated", "third-long-password");
        browser.submit("password:submit");
        assertEquals("Your password was changed.", browser.text("notice"));
        browser.submit("logout");
        assertEquals("Log in · T-Work Points", browser.driver().getTitle());
        browser.login(login, "third-long-password");
        assertTrue(browser.driver().getTitle().startsWith("Dashboard"), "the new password works");
    }

    @Test
    void tiersAreCheckedAsAWholeAndSaved() {
        newStaff("ADMIN");
        String before = text("SELECT GROUP_CONCAT(CONCAT(tier_key, ':', label, ':', threshold, ':', multiplier)"
                + " ORDER BY threshold) FROM tier");
        String silver = text("SELECT tier_key FROM tier ORDER BY threshold LIMIT 1 OFFSET 2");
        String silverThreshold = text("SELECT threshold FROM tier WHERE tier_key = ?", silver);
        String silverLabel = text("SELECT label FROM tier WHERE tier_key = ?", silver);
        String silverMultiplier = text("SELECT multiplier FROM tier WHERE tier_key = ?", silver);
        try {
            browser.open("/admin/tiers.xhtml");
            browser.type(silver + "_multiplier", "0");
            browser.submit("tiers:submit");
            assertTrue(browser.driver().getPageSource().contains("Enter a number above 0 and at most 100"));
            assertEquals(
                    before,
                    text("SELECT GROUP_CONCAT(CONCAT(tier_key, ':', label, ':', threshold, ':', multiplier)"
                            + " ORDER BY threshold) FROM tier"),
                    "nothing saved");
            browser.type(silver + "_multiplier", "1.75");
            browser.type(silver + "_label", "Silver Plus");
            browser.submit("tiers:submit");
            assertEquals("Tiers saved.", browser.text("notice"));
            assertEquals("Silver Plus", text("SELECT label FROM tier WHERE tier_key = ?", silver));
            assertEquals(silverThreshold, text("SELECT threshold FROM tier WHERE tier_key = ?", silver));
            assertEquals(
                    1,
                    count(
                            "SELECT COUNT(*) FROM audit_log WHERE action = 'tiers.updated' AND details LIKE ?",
                            "%Silver Plus%"));
        } finally {
            Fixtures.update(
                    "UPDATE tier SET label = ?, multiplier = ? WHERE tier_key = ?",
                    silverLabel,
                    silverMultiplier,
                    silver);
        }
    }

    @Test
    void theFailureAlertReachesStaffAndADismissalHidesIt() {
        newStaff("MANAGER");
        int threshold = Integer.parseInt(text("SELECT value FROM setting WHERE name = 'failure_alert_threshold'"));
        for (int i = 1; i <= threshold; i++) {
            Fixtures.update(
                    "INSERT INTO failure_event (occurred_at, kind, detail) VALUES (?, 'sync', ?)",
                    Fixtures.utc(Fixtures.now()),
                    "console test failure " + i);
        }
        browser.open("/admin/members.xhtml");
        String alert = browser.text("failure-alert");
        assertTrue(
                alert.startsWith("Point sync has failed ") && alert.contains("console test failure " + threshold),
                alert);
        browser.screenshot("failure-alert");
        browser.submit("dismiss-alert");
        assertEquals("Alert dismissed.", browser.text("notice"));
        assertFalse(browser.has("failure-alert"));
    }

    @Test
    void reprocessingAnOrderWithoutEventsSaysSoAndWebhooksShowTheirState() {
        newStaff("ADMIN");
        browser.open("/admin/orders.xhtml");
        browser.type("reprocess:order", "WC-no-such-order");
        browser.submit("reprocess:submit");
        assertEquals("No event of order WC-no-such-order to re-process", browser.text("messages"));
        browser.open("/admin/webhooks.xhtml");
        assertTrue(browser.text("delivery-url").endsWith("/wp-json/twork/v1/points/webhooks/woocommerce"));
        assertTrue(browser.has("secret:secret"));
    }
}
