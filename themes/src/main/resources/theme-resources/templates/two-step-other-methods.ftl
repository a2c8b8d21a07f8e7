<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepDidntReceive")>
  <p>${msg("twoStepOtherMethodsIntro")}</p>
  <@ts.form id="two-step-other-form">
    <div class="${properties.kcFormGroupClass!}" role="radiogroup" aria-label="${msg("twoStepDidntReceive")}">
      <#list twoStep.others as option>
        <@ts.radio name="method" value=option.id checked=(option?index = 0)><@ts.optionLabel option=option/></@ts.radio>
      </#list>
    </div>
    <@ts.actions>
      <@ts.button id="use" label=msg("twoStepContinue") action="use"/>
      <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
    </@ts.actions>
    <h2 class="two-step-subtitle">${msg("twoStepLostEverything")}</h2>
    <p>${msg("twoStepLostEverythingText")}</p>
    <@ts.actions>
      <@ts.button id="recovery" label=msg("twoStepStartRecovery") action="recovery" primary=false/>
    </@ts.actions>
  </@ts.form>
</@ts.page>
