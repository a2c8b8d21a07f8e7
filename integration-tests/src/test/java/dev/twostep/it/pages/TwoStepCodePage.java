package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

    public boolean offersToTrustThisDevice() {
        return !driver.findElements(By.id("trustDevice")).isEmpty();
    }

    public TwoStepCodePage dontRequireCodesOnThisDevice() {
        click(By.id("trustDevice"));
        return this;
    }

    public void signIn(String code) {
        type(By.id("code"), code);
        submit(By.id("verify"));
    }

    public void sendAgain() {
        submit(By.id("resend"));
    }

    /** Submits the code form with one more field, as a hand-made request would (e.g. Keycloak's tryAnotherWay). */
    public void submitWith(String name, String value) {
        ((JavascriptExecutor) driver).executeScript("var form = document.getElementById('two-step-verify-form');"
                + "var field = document.createElement('input'); field.type = 'hidden';"
                + "field.name = arguments[0]; field.value = arguments[1]; form.appendChild(field); form.submit();",
                name, value);
    }

    /** Where the code form posts to, for tests that submit it outside the browser. */
    public String formAction() {
        return find(By.id("two-step-verify-form")).getAttribute("action");
    }

    /** Cancel, offered where an app opened the page for an action of its own. */
    public void cancel() {
        submit(By.id("cancel-aia"));
    }

    public void didntReceiveTheCode() {
        submit(By.id("other"));
    }
}
