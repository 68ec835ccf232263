-- City scale (docs/performance.md): an organ secretary's figures and lists count the calls its organ takes part in.
-- Each handler row carries whether its call is open (written with every step that opens or closes the call), so that
-- an organ's open and overdue calls are found among its own few open rows instead of probing its hundreds of
-- thousands of calls one by one. A big database can be converted ahead of the application (one UPDATE … FROM call).
ALTER TABLE call_handler ADD COLUMN IF NOT EXISTS call_open BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE call_handler SET call_open = FALSE
    WHERE call_open AND EXISTS (SELECT 1 FROM call c WHERE c.id = call_handler.call_id
                                AND c.raised_at = call_handler.call_raised_at AND c.state = 'CLOSED');
CREATE INDEX IF NOT EXISTS call_handler_organ_open ON call_handler (organ_id, call_open, call_raised_at, call_id);
