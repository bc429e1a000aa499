#!/bin/sh
# Registers the namespace the service uses (the plain server image, unlike the deprecated
# auto-setup image, creates none). Idempotent.
set -eu
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
until temporal operator cluster health --address "${TEMPORAL_ADDRESS}"; do
  echo "waiting for Temporal at ${TEMPORAL_ADDRESS}"; sleep 2
done
temporal operator namespace describe -n "$NAMESPACE" --address "${TEMPORAL_ADDRESS}" \
  || temporal operator namespace create -n "$NAMESPACE" --retention 30d --address "${TEMPORAL_ADDRESS}"
# Custom search attributes the workflows carry (the worker also registers them at start).
for attribute in B2bShop B2bTopic B2bCompanyLocation B2bCartGroup; do
  temporal operator search-attribute create -n "$NAMESPACE" --name "$attribute" --type Keyword --address "${TEMPORAL_ADDRESS}" \
    || echo "search attribute $attribute already exists"
done
echo "namespace ${NAMESPACE} ready"
