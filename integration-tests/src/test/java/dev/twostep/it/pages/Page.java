package dev.twostep.it.pages;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.twostep.it.support.Screenshots;
import dev.twostep.it.support.Waits;

/** What every Keycloak login page has: a title, messages, a language switch. */
public abstract class Page {
    protected final WebDriver driver;

    protected Page(WebDriver driver) {
        this.driver = driver;
    }

    protected WebElement find(By by) {
        return Waits.upTo(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page with this Keycloak template is shown (the body's data-page-id). */
    protected void awaitTemplate(String template) {
        awaitOneOf(template);
    }

    /** Waits until one of these templates is shown (the body's data-page-id) and returns which. */
    protected String awaitOneOf(String... templates) {
        try {
            return Waits.upTo(driver, Duration.ofSeconds(20)).until(d -> {
                for (String template : templates) {
                    String pageId = "login-" + template.replace(".ftl", "");
                    if (!d.findElements(By.cssSelector("body[data-page-id='" + pageId + "']")).isEmpty()) {
                        return template;
                    }
                }
                return null;
            });
        } catch (TimeoutException e) {
            // Keep a picture of what was shown instead, for whoever reads the failure.
            Screenshots.save(driver, "not-" + templates[0].replace(".ftl", "") + "-" + System.currentTimeMillis());
            throw new AssertionError("expected page " + String.join(" or ", templates) + " but the browser shows "
                    + driver.getCurrentUrl(), e);
        }
    }

    /** "Sign in as another user", on the pages that offer it: back to the username and password. */
    public SignInPage signInAsAnotherUser() {
        submit(By.id("sign-in-as-another"));
        return new SignInPage(driver).awaitShown();
    }

    public boolean offersSignInAsAnotherUser() {
        return !driver.findElements(By.id("sign-in-as-another")).isEmpty();
    }

    protected void click(By by) {
        Waits.upTo(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /**
     * Clicks a button that submits the page and waits until the browser has left it, so that the next page
     * object never reads the page being replaced.
     */
    protected void submit(By button) {
        WebElement current = driver.findElement(By.tagName("html"));
        click(button);
        try {
            Waits.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(current));
        } catch (TimeoutException e) {
            Screenshots.save(driver, "not-submitted-" + System.currentTimeMillis());
            throw new AssertionError("clicking " + button + " did not leave " + driver.getCurrentUrl() + ": "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    protected void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    public String title() {
        return find(By.id("kc-page-title")).getText().trim();
    }

    /** The page's message (alert) and field errors, joined; empty when there are none. */
    public String errors() {
        StringBuilder text = new StringBuilder();
        for (WebElement element : driver.findElements(By.cssSelector(".pf-v5-c-alert, [id^='input-error-']"))) {
            text.append(element.getText().trim()).append('\n');
        }
        return text.toString().trim();
    }

    public String bodyText() {
        return find(By.tagName("body")).getText();
    }

    /** Switches the page language with Keycloak's language menu. */
    public void switchLanguage(String languageTag) {
        Select menu = new Select(find(By.id("login-select-toggle")));
        for (WebElement option : menu.getOptions()) {
            if (option.getAttribute("value").endsWith("kc_locale=" + languageTag)) {
                menu.selectByValue(option.getAttribute("value"));
                Waits.upTo(driver, Duration.ofSeconds(20))
                        .until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals(languageTag));
                return;
            }
        }
        throw new AssertionError("no language " + languageTag + " in the menu");
    }
}
