package dev.twostep.it.pages;

import java.time.Duration;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.twostep.it.support.Waits;

/** "Passkey or security key" in the enrollment: Create passkey, and the browser's prompt for its name. */
public final class PasskeyEnrollPage extends Page {
    public PasskeyEnrollPage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-enroll-passkey.ftl");
    }

    /** Creates the passkey with the browser's (virtual) authenticator and names it {@code label}. */
    public void create(String label) {
        WebElement current = driver.findElement(By.tagName("html"));
        click(By.id("register-passkey"));
        // Keycloak's script asks for a name with the browser's own prompt once the key is made.
        Alert prompt = Waits.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys(label);
        prompt.accept();
        Waits.upTo(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(current));
    }
}
