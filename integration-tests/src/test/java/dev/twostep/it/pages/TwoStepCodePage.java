package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The sign-in page that asks for the code, after the password. */
public final class TwoStepCodePage extends Page {
    public TwoStepCodePage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-verify.ftl");
    }

    public String whereTheCodeIs() {
        return find(By.id("two-step-where")).getText();
    }

    public TwoStepCodePage dontRequireCodesOnThisDevice() {
        click(By.id("trustDevice"));
        return this;
    }

    public void signIn(String code) {
        type(By.id("code"), code);
        click(By.id("verify"));
    }

    public void sendAgain() {
        click(By.id("resend"));
    }

    /** Where the code form posts to, for tests that submit it outside the browser. */
    public String formAction() {
        return find(By.id("two-step-verify-form")).getAttribute("action");
    }

    public void didntReceiveTheCode() {
        click(By.id("other"));
    }
}
