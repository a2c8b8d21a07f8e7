package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** "Enter the code" sent to a phone during enrollment. */
public final class EnterCodePage extends Page {
    public EnterCodePage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-enroll-phone-code.ftl");
    }

    public String sentTo() {
        return find(By.id("two-step-sent-to")).getText();
    }

    public void verify(String code) {
        type(By.id("code"), code);
        submit(By.id("verify"));
    }

    public void sendAgain() {
        submit(By.id("resend"));
    }
}
