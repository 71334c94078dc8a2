{{/* Names ---------------------------------------------------------------------------------- */}}

{{- define "lotus-saga.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's base name: <release>-<chart>, or the release name if it already has the chart's. */}}
{{- define "lotus-saga.fullname" -}}
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

{{- define "lotus-saga.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Deployment and Service name of one service; takes (dict "root" $ "name" <services key>). */}}
{{- define "lotus-saga.serviceName" -}}
{{- printf "%s-%s" (include "lotus-saga.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "lotus-saga.configName" -}}
{{- printf "%s-config" (include "lotus-saga.fullname" .) }}
{{- end }}

{{- define "lotus-saga.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "lotus-saga.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Labels ---------------------------------------------------------------------------------- */}}

{{- define "lotus-saga.labels" -}}
helm.sh/chart: {{ include "lotus-saga.chart" . }}
app.kubernetes.io/name: {{ include "lotus-saga.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: lotus-saga
{{- end }}

{{/* Selector of one service's pods; takes (dict "root" $ "name" <services key>). */}}
{{- define "lotus-saga.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lotus-saga.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "lotus-saga.componentLabels" -}}
{{ include "lotus-saga.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* Per-service settings with chart-wide defaults; take (dict "root" $ "name" <key> "svc" <value>). */}}

{{- define "lotus-saga.image" -}}
{{- $image := .svc.image | default dict }}
{{- $repository := $image.repository | default (printf "%s/%s" .root.Values.image.repositoryPrefix .name) }}
{{- $tag := $image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- with .root.Values.image.registry }}{{ . }}/{{ end }}{{ $repository }}:{{ $tag }}
{{- end }}

{{- define "lotus-saga.replicas" -}}
{{- if hasKey .svc "replicaCount" }}{{ .svc.replicaCount }}{{ else }}{{ .root.Values.replicaCount }}{{ end }}
{{- end }}

{{/* http://<service>:<port> of another service, for the gateway's LOTUS_*_URL. */}}
{{- define "lotus-saga.serviceUrl" -}}
{{- $svc := index .root.Values.services .name | default dict }}
{{- $port := required (printf "services.%s.port is required: the gateway calls that service" .name) $svc.port }}
{{- printf "http://%s:%v" (include "lotus-saga.serviceName" .) $port }}
{{- end }}

{{/* Probes on a Spring Boot health group; takes (dict "path" <path> "probe" <values.probes.x>). */}}
{{- define "lotus-saga.probe" -}}
httpGet:
  path: {{ .path }}
  port: http
{{ omit .probe "enabled" | toYaml }}
{{- end }}

{{/* Secrets --------------------------------------------------------------------------------- */}}

{{/* The environment variable each secret of values.secrets fills, and the value key it comes from. */}}
{{- define "lotus-saga.secretSpec" -}}
{{- $specs := dict
  "database" (dict "env" "LOTUS_FLYWAY_PASSWORD" "value" "password")
  "jwt" (dict "env" "LOTUS_JWT_SIGNING_JWKS" "value" "signingJwks")
  "staff" (dict "env" "LOTUS_STAFF_PASSWORD" "value" "password")
  "payloadKeys" (dict "env" "LOTUS_PAYLOAD_KEYS" "value" "keys") }}
{{- if not (hasKey $specs .) }}
{{- fail (printf "unknown secret %q in a service's secrets (known: database, jwt, staff, payloadKeys)" .) }}
{{- end }}
{{- index $specs . | toJson }}
{{- end }}

{{/* Name of the Secret that holds one of values.secrets; takes (dict "root" $ "name" <secret>). */}}
{{- define "lotus-saga.secretName" -}}
{{- $secret := index .root.Values.secrets .name }}
{{- $secret.existingSecret | default (printf "%s-%s" (include "lotus-saga.fullname" .root) (kebabcase .name)) }}
{{- end }}

{{/* A service's database credentials: Flyway as the migration role, the service as its own role
(or as the migration role when database.roles has none for it); takes the service's $ctx. */}}
{{- define "lotus-saga.databaseEnv" -}}
{{- $db := .root.Values.database }}
{{- $role := index ($db.roles | default dict) .name }}
{{- $migration := required "database.migrationUser is required" $db.migrationUser }}
- name: LOTUS_FLYWAY_USER
  value: {{ $migration | quote }}
- name: LOTUS_FLYWAY_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "lotus-saga.secretName" (dict "root" .root "name" "database") }}
      key: {{ .root.Values.secrets.database.key }}
{{- if $role }}
- name: LOTUS_DB_USER
  value: {{ required (printf "database.roles.%s.user is required" .name) $role.user | quote }}
- name: LOTUS_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "lotus-saga.secretName" (dict "root" .root "name" "databaseRoles") }}
      key: {{ .name }}
{{- else }}
- name: LOTUS_DB_USER
  value: {{ $migration | quote }}
- name: LOTUS_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "lotus-saga.secretName" (dict "root" .root "name" "database") }}
      key: {{ .root.Values.secrets.database.key }}
{{- end }}
{{- end }}

{{/* The services that connect as a role of database.roles, as a JSON array. */}}
{{- define "lotus-saga.databaseRoleServices" -}}
{{- $names := list }}
{{- range $name, $svc := .Values.services }}
{{- if and (has "database" ($svc.uses | default list)) (hasKey ($.Values.database.roles | default dict) $name) }}
{{- $names = append $names $name }}
{{- end }}
{{- end }}
{{- toJson $names }}
{{- end }}

{{/* The services that log in to Kafka with a SCRAM user (only with a SASL protocol), as a JSON array. */}}
{{- define "lotus-saga.kafkaUserServices" -}}
{{- $names := list }}
{{- if hasPrefix "SASL" .Values.kafka.securityProtocol }}
{{- range $name, $svc := .Values.services }}
{{- if has "kafka" ($svc.uses | default list) }}
{{- $names = append $names $name }}
{{- end }}
{{- end }}
{{- end }}
{{- toJson $names }}
{{- end }}

{{/* Refuses a chart-made JWK set the gateway could not sign with: no keys, or a public key first. */}}
{{- define "lotus-saga.checkJwks" -}}
{{- $jwks := fromJson . }}
{{- $keys := $jwks.keys | default list }}
{{- if or $jwks.Error (not (kindIs "slice" $keys)) (empty $keys) }}
{{- fail "secrets.jwt.signingJwks must be a JWK set, {\"keys\": [...]}, with at least one private RSA key" }}
{{- end }}
{{- range $keys }}
{{- if not (and (kindIs "map" .) (eq (toString .kty) "RSA") .d .kid) }}
{{- fail "secrets.jwt.signingJwks: every key must be a private RSA key (kty RSA, d) with a kid" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Network policies ------------------------------------------------------------------------ */}}

{{/* A pod selector for some services of the release; takes (dict "root" $ "names" <list>). */}}
{{- define "lotus-saga.componentsSelector" -}}
matchLabels:
  app.kubernetes.io/name: {{ include "lotus-saga.name" .root }}
  app.kubernetes.io/instance: {{ .root.Release.Name }}
matchExpressions:
  - key: app.kubernetes.io/component
    operator: In
    values: {{ toJson .names }}
{{- end }}

{{/* One egress rule from networkPolicy.<x>; an empty peer list would allow every destination, so it
fails instead. Takes (dict "rule" <networkPolicy.x> "what" <name>). */}}
{{- define "lotus-saga.egressRule" -}}
{{- if not (and .rule .rule.to .rule.ports) }}
{{- fail (printf "networkPolicy: the egress to %s needs peers (to) and ports: an empty list would allow every destination" .what) }}
{{- end -}}
# To {{ .what }}.
- to:
    {{- toYaml .rule.to | nindent 4 }}
  ports:
    {{- toYaml .rule.ports | nindent 4 }}
{{- end }}
