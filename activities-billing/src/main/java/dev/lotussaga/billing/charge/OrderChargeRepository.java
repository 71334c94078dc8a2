package dev.lotussaga.billing.charge;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrderChargeRepository extends JpaRepository<OrderCharge, String> {}
