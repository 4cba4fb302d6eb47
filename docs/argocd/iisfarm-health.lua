-- Argo CD health check for iisfarm.io/IisFarm (resource.customizations.health.iisfarm.io_IisFarm).
-- Healthy: the operator checked the current spec and the farm is Ready. Progressing: not checked yet, or a
-- rollout is under way. Suspended: spec.suspend. Degraded: anything else that keeps the farm from Ready
-- (drift found in Audit mode, unreachable hosts, a failed change, an invalid spec or Secret).
local hs = {}
if obj.status == nil or obj.status.conditions == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator's first check"
  return hs
end
local generation = obj.metadata.generation or 0
if obj.status.observedGeneration == nil or obj.status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to check generation " .. generation
  return hs
end
local conditions = {}
for _, condition in ipairs(obj.status.conditions) do
  conditions[condition.type] = condition
end
local ready = conditions["Ready"]
local progressing = conditions["Progressing"]
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = ready.message
  return hs
end
if obj.spec ~= nil and obj.spec.suspend == true then
  hs.status = "Suspended"
  hs.message = "spec.suspend is true: no host is changed"
  if ready ~= nil and ready.message ~= nil then
    hs.message = hs.message .. "; " .. ready.message
  end
  return hs
end
if progressing ~= nil and progressing.status == "True" then
  hs.status = "Progressing"
  hs.message = progressing.message
  return hs
end
hs.status = "Degraded"
if ready ~= nil then
  hs.message = (ready.reason or "NotReady") .. ": " .. (ready.message or "")
else
  hs.message = "The operator reports no Ready condition"
end
return hs
