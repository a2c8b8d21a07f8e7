package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Advanced Security Settings, after the fresh code: methods, trusted devices, and what can be done. */
public final class SecuritySettingsPage extends Page {
    public SecuritySettingsPage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-settings.ftl");
    }

    public String primary() {
        return find(By.id("settings-primary")).getText();
    }

    public String backup() {
        return find(By.id("settings-backup")).getText();
    }

    /** The number of trusted devices shown. */
    public int trustedDevices() {
        String text = find(By.id("settings-devices")).getText();
        return Integer.parseInt(text.replaceAll("\\D", ""));
    }

    /** "Change" next to the primary method: the choice of the new one. */
    public ChooseMethodPage changePrimary() {
        submit(By.id("change-primary"));
        return new ChooseMethodPage(driver);
    }

    /** "Change" next to the backup method. */
    public ChooseMethodPage changeBackup() {
        submit(By.id("change-backup"));
        return new ChooseMethodPage(driver);
    }

    public boolean offersSwap() {
        return !driver.findElements(By.id("swap")).isEmpty();
    }

    public SecuritySettingsPage swap() {
        submit(By.id("swap"));
        return new SecuritySettingsPage(driver);
    }

    public boolean offersToSignOutOthers() {
        return !driver.findElements(By.id("sign-out-others")).isEmpty();
    }

    public SecuritySettingsPage signOutOtherSessions() {
        submit(By.id("sign-out-others"));
        return new SecuritySettingsPage(driver);
    }

    public boolean offersCancel() {
        return !driver.findElements(By.id("cancel-aia")).isEmpty();
    }

    public void done() {
        submit(By.id("done"));
    }

    public SecuritySettingsPage requireCodesOnAllDevices() {
        submit(By.id("require-codes"));
        return new SecuritySettingsPage(driver);
    }

    /** "Disable Two-Step Verification", then the confirmation. */
    public void disableAndConfirm() {
        submit(By.id("disable"));
        awaitTemplate("two-step-settings-disable.ftl");
        submit(By.id("confirm-disable"));
        awaitTemplate("two-step-settings-disabled.ftl");
    }

    /** "Sign in again", from the page that says 2SV is off. */
    public void signInAgain() {
        driver.findElement(By.id("sign-in-again")).click();
    }
}
