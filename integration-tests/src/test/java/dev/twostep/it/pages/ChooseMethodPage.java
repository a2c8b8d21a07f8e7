package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** "Choose how you'll receive codes" (primary) or "Add a backup verification method" (backup). */
public final class ChooseMethodPage extends Page {
    public ChooseMethodPage(WebDriver driver) {
        super(driver);
        // A seller without 2SV meets "Two-Step Verification is a requirement" first; tests of what follows pass it.
        if (StartPage.TEMPLATE.equals(awaitOneOf(StartPage.TEMPLATE, "two-step-enroll-method.ftl"))) {
            new StartPage(driver).enable();
        }
        awaitTemplate("two-step-enroll-method.ftl");
    }

    public void choosePhoneNumber() {
        click(By.id("method-phone"));
        submit(By.id("continue"));
    }

    public void chooseAuthenticatorApp() {
        click(By.id("method-app"));
        submit(By.id("continue"));
    }

    public void choosePasskey() {
        click(By.id("method-passkey"));
        submit(By.id("continue"));
    }

    /** False where a passkey holds the other role. */
    public boolean passkeySelectable() {
        return find(By.id("method-passkey")).isEnabled();
    }

    /** False where the app holds the other role: shown, but not selectable. */
    public boolean appSelectable() {
        return find(By.id("method-app")).isEnabled();
    }

    /** Submits a method value the page does not offer, as a tampered form would. */
    public void chooseForged(String method) {
        WebElement radio = find(By.id("method-phone"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", radio,
                method);
        click(By.id("method-phone"));
        submit(By.id("continue"));
    }

    /** "Keep my current method", offered when changing a method from the settings. */
    public void keepCurrent() {
        submit(By.id("cancel-change"));
    }

    public String primarySummary() {
        return find(By.id("two-step-primary-summary")).getText();
    }

    public String methodLabels() {
        return find(By.id("two-step-method-form")).getText();
    }

    public boolean offersEmail() {
        return !driver.findElements(By.cssSelector("input[name='method'][value='email']")).isEmpty();
    }

    /** "Back", on the backup's choice: to choose the primary again. */
    public ChooseMethodPage back() {
        submit(By.id("back"));
        return new ChooseMethodPage(driver);
    }
}
