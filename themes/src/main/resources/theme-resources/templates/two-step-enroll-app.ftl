<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepAuthenticatorApp")>
  <ol class="two-step-steps">
    <li>
      <p>${msg("twoStepAppStep1")}</p>
      <@ts.help id="need-app" summary=msg("twoStepNeedApp")>
        <p>${msg("twoStepNeedAppText")}</p>
      </@ts.help>
    </li>
    <li>
      <p>${msg("twoStepAppStep2")}</p>
      <img id="two-step-qr" src="data:image/png;base64,${twoStep.qrCode}" alt="${msg("twoStepQrAlt")}" width="200" height="200"/>
      <p><a id="open-authenticator" href="${twoStep.otpauthUri}" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("twoStepOpenApp")}</a></p>
      <@ts.help id="cant-scan" summary=msg("twoStepCantScan")>
        <p>${msg("twoStepCantScanText")}</p>
        <p><code id="two-step-secret-key"><#list twoStep.secretKey?split(" ") as group><span class="two-step-key-group">${group}</span><#sep> </#sep></#list></code></p>
        <p class="two-step-hint">${msg("twoStepKeyDetails", twoStep.algorithm, twoStep.digits?c, twoStep.period?c)}</p>
      </@ts.help>
    </li>
    <li><p>${msg("twoStepAppStep3")}</p></li>
  </ol>
  <@ts.form id="two-step-app-form">
    <@ts.codeInput/>
    <@ts.actions>
      <@ts.button id="verify" label=msg("twoStepVerifyAndContinue") action="verify"/>
      <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
    </@ts.actions>
  </@ts.form>
</@ts.page>
