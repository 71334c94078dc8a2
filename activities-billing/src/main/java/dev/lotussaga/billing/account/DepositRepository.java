package dev.lotussaga.billing.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface DepositRepository extends JpaRepository<Deposit, Long> {}
