<#import "two-step.ftl" as ts>
<#import "field.ftl" as field>
<#assign backup = twoStep.role = "backup">
<@ts.page header=msg(backup?then("twoStepBackupPhoneTitle", "twoStepPhoneNumber"))>
  <p>${msg("twoStepPhoneIntro")}</p>
  <@ts.form id="two-step-phone-form">
    <div class="${properties.kcFormGroupClass!}" role="radiogroup" aria-label="${msg("twoStepChannelLabel")}">
      <@ts.radio name="channel" value="sms" label=msg("twoStepChannelSms") checked=(twoStep.channel != "voice")/>
      <@ts.radio name="channel" value="voice" label=msg("twoStepChannelVoice") hint=msg("twoStepChannelVoiceHint") checked=(twoStep.channel = "voice")/>
      <@ts.errorAt name="channel" error=messagesPerField.get('channel')/>
    </div>
    <@field.group name="country" label=msg("twoStepCountryCode")>
      <span class="${properties.kcInputClass!} pf-v5-c-form-control">
        <select id="country" name="country">
          <#list twoStep.countries as c>
            <option value="${c.region}" data-format="${c.format}" <#if c.region = twoStep.country>selected</#if>>${c.name} (+${c.callingCode?c})</option>
          </#list>
        </select>
      </span>
    </@field.group>
    <@ts.input name="number" label=msg("twoStepNumberLabel") value=twoStep.number type="tel" inputmode="tel"
        autocomplete="tel-national" placeholder=twoStep.format hint=msg("twoStepNumberFormat", twoStep.format) autofocus=true/>
    <#if twoStep.skipAllowed>
      <@ts.checkbox name="skipVerification" label=msg("twoStepSkipVerification") hint=msg("twoStepSkipVerificationHint")/>
    </#if>
    <@ts.actions>
      <@ts.button id="send" label=msg("twoStepSendCode") action="send"
          extra={"label-sms": msg("twoStepSendCode"), "label-voice": msg("twoStepCallMeNow"), "label-skip": msg("twoStepSaveBackupNumber")}/>
      <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
    </@ts.actions>
  </@ts.form>
  <script type="module">
    <#-- Only relabels the button; the server decides what to do from the fields alone. -->
    const form = document.getElementById("two-step-phone-form");
    const send = document.getElementById("send");
    const relabel = () => {
      const skip = form.querySelector("#skipVerification");
      const voice = form.querySelector("#channel-voice").checked;
      send.textContent = skip && skip.checked ? send.dataset.labelSkip : (voice ? send.dataset.labelVoice : send.dataset.labelSms);
    };
    <#-- The format shown follows the country chosen: XXX-XXX-XXXX for the US. -->
    const country = document.getElementById("country");
    const number = document.getElementById("number");
    const hint = document.getElementById("number-hint");
    const hintText = hint.textContent.replace(number.placeholder, "{0}");
    const reformat = () => {
      const format = country.selectedOptions[0].dataset.format;
      number.placeholder = format;
      hint.textContent = hintText.replace("{0}", format);
    };
    country.addEventListener("change", reformat);
    form.addEventListener("change", relabel);
    relabel();
  </script>
</@ts.page>
