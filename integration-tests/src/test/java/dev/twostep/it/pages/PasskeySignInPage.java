package dev.twostep.it.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.twostep.it.support.Waits;

/** The sign-in step of a seller whose method in use is a passkey: "Use my passkey". */
public final class PasskeySignInPage extends Page {
    public PasskeySignInPage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-verify.ftl");
        find(By.id("use-passkey"));
    }

    public String whereTheCodeIs() {
        return find(By.id("two-step-where")).getText();
    }

    public boolean asksForACode() {
        return !driver.findElements(By.id("code")).isEmpty();
    }

    public PasskeySignInPage dontRequireCodesOnThisDevice() {
        click(By.id("trustDevice"));
        return this;
    }

    /** "Use my passkey": the browser's authenticator answers, and the page posts what it signed. */
    public void usePasskey() {
        WebElement current = driver.findElement(By.tagName("html"));
        click(By.id("use-passkey"));
        Waits.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(current));
    }

    /** "Use another method": the other methods, as "Didn't receive the code?" lists them. */
    public void useAnotherMethod() {
        submit(By.id("other"));
    }
}
