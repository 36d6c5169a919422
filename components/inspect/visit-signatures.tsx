"use client";

import { useState } from "react";

import { requiresSchoolSignature } from "@/lib/domain/visit/checklist";
import type { Visit } from "@/lib/domain/visit/visit.schema";
import type { VisitActions } from "@/lib/hooks/use-visit";

import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

import { SignatureField } from "./signature-field";

/**
 * Both signatures of a visit. The inspector signs under the account's name (a second inspector
 * may be named); the school's signer gives name and post, both required.
 */
export function VisitSignatures({
  visit,
  actions,
  inspectorName,
  isReadOnly,
}: {
  visit: Visit;
  actions: VisitActions;
  /** The signed-in account's name. */
  inspectorName: string;
  isReadOnly: boolean;
}) {
  const { inspector, school } = visit.signatures;
  const [coInspectorName, setCoInspectorName] = useState(inspector?.coInspectorName ?? "");
  const [schoolName, setSchoolName] = useState(school?.name ?? "");
  const [schoolTitle, setSchoolTitle] = useState(school?.title ?? "");
  const needsSchool = requiresSchoolSignature(visit.kind);

  return (
    <>
      <Card className="space-y-3">
        <div className="grid grid-cols-2 gap-2">
          <Field id="inspector-name" label="督学姓名">
            <Input id="inspector-name" value={inspector?.name ?? inspectorName} readOnly disabled />
          </Field>
          <Field id="co-inspector-name" label="同行督学（可选）">
            <Input
              id="co-inspector-name"
              value={coInspectorName}
              maxLength={50}
              placeholder="第二位督学姓名"
              onChange={(e) => setCoInspectorName(e.target.value)}
              disabled={isReadOnly || inspector !== null}
            />
          </Field>
        </div>
        <SignatureField
          label="督学签名"
          signed={inspector}
          isReadOnly={isReadOnly}
          onClear={() => actions.clearSignature("inspector")}
          onSign={(png) =>
            actions.sign(png, {
              role: "inspector",
              coInspectorName: coInspectorName.trim() || undefined,
            })
          }
        />
      </Card>

      <Card className="space-y-3">
        <div className="grid grid-cols-2 gap-2">
          <Field id="school-signer" label="学校代表姓名">
            <Input
              id="school-signer"
              value={schoolName}
              maxLength={50}
              onChange={(e) => setSchoolName(e.target.value)}
              disabled={isReadOnly || school !== null}
            />
          </Field>
          <Field id="school-signer-title" label="职务">
            <Input
              id="school-signer-title"
              value={schoolTitle}
              maxLength={50}
              placeholder="如 校长"
              onChange={(e) => setSchoolTitle(e.target.value)}
              disabled={isReadOnly || school !== null}
            />
          </Field>
        </div>
        <SignatureField
          label={needsSchool ? "学校代表签名" : "学校代表签名（随机暗访可不签）"}
          signed={school}
          isReadOnly={isReadOnly}
          onClear={() => actions.clearSignature("school")}
          onSign={(png) =>
            schoolName.trim() === ""
              ? Promise.resolve("请先填写学校代表姓名")
              : schoolTitle.trim() === ""
                ? Promise.resolve("请先填写学校代表的职务")
                : actions.sign(png, {
                    role: "school",
                    name: schoolName.trim(),
                    title: schoolTitle.trim(),
                  })
          }
        />
      </Card>
    </>
  );
}
