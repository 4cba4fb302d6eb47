{{- define "iis-farm-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "iis-farm-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "iis-farm-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "iis-farm-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "iis-farm-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "iis-farm-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "iis-farm-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "iis-farm-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The leader-election Lease: one per release unless named, so that shards in one namespace never share it. */}}
{{- define "iis-farm-operator.leaseName" -}}
{{- default (printf "%s-leader" (include "iis-farm-operator.fullname" .)) .Values.leaderElection.leaseName }}
{{- end }}

{{/* Where the legacy-TLS java.security override is mounted in the container. */}}
{{- define "iis-farm-operator.javaSecurityDir" -}}
/etc/iis-farm-operator/security
{{- end }}

{{/*
What the operator does with IisFarms, Secrets and Events, in every watched namespace (or cluster-wide).
Secrets: read, and create for machineKey generate/adoptFrom; never update, patch or delete.
*/}}
{{- define "iis-farm-operator.rules" -}}
- apiGroups: ["iisfarm.io"]
  resources: ["iisfarms"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["iisfarm.io"]
  resources: ["iisfarms/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create"]
{{- /* an Event repeated is read (get), then its count patched: the recorder aggregates as Kubernetes does */}}
- apiGroups: [""]
  resources: ["events"]
  verbs: ["get", "create", "patch"]
{{- end }}
