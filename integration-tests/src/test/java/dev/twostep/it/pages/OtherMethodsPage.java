package dev.twostep.it.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** "Didn't receive the code?": the backup methods, a voice call, and the way to account recovery. */
public final class OtherMethodsPage extends Page {
    public OtherMethodsPage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-other-methods.ftl");
    }

    public List<String> options() {
        return driver.findElements(By.cssSelector("#two-step-other-form label[for^='method-']")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }

    public void use(String optionId) {
        click(By.id("method-" + optionId));
        submit(By.id("use"));
    }

    public void startAccountRecovery() {
        submit(By.id("recovery"));
    }

    /** What the page says at once of the seller's recovery request; empty when there is none to tell of. */
    public String recoveryNews() {
        return driver.findElements(By.id("recovery-news")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    /** "Open your request": straight to the request's status. */
    public RecoveryStatusPage openRecoveryRequest() {
        submit(By.id("recovery-status"));
        return new RecoveryStatusPage(driver);
    }
}
