from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'main.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_plan = resolve('plan')
    l_0_locals = resolve('locals')
    l_0_data = resolve('data')
    l_0_trusts = resolve('trusts')
    l_0_blocks = resolve('blocks')
    try:
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    pass
    yield '# iac app '
    yield str(environment.getattr((undefined(name='plan') if l_0_plan is missing else l_0_plan), 'app'))
    yield ': every resource, in the order the plan made them.\n'
    if (undefined(name='locals') if l_0_locals is missing else l_0_locals):
        pass
        yield '\nlocals {\n  # Every generated name starts with it: a second stage (`-var stage=prod`, in a state\n  # of its own) gets names of its own.\n  name_prefix\x00= '
        yield str(environment.getattr((undefined(name='locals') if l_0_locals is missing else l_0_locals), 'name_prefix'))
        yield "\n  # The app's part of each role's name_prefix (IAM takes 38 characters in all).\n  role_prefix\x00= "
        yield str(environment.getattr((undefined(name='locals') if l_0_locals is missing else l_0_locals), 'role_prefix'))
        yield '\n}\n\n# Guards a state against a second stage: with another prefix (`-var stage=...` on this\n# stage\'s state) every named resource would be renamed, that is replaced. Plan fails\n# here instead; deploy a second stage with a state of its own (README). To destroy this\n# stage on purpose, `terraform state rm terraform_data.name_prefix` first.\nresource "terraform_data" "name_prefix" {\n  triggers_replace\x00= local.name_prefix\n\n  lifecycle {\n    prevent_destroy\x00= true\n  }\n}\n'
    for (l_1_type, l_1_name, l_1_args) in (undefined(name='data') if l_0_data is missing else l_0_data):
        _loop_vars = {}
        pass
        yield '\n'
        if l_1_args:
            pass
            yield 'data "'
            yield str(l_1_type)
            yield '" "'
            yield str(l_1_name)
            yield '" {\n'
            for (l_2_k, l_2_v) in context.call(environment.getattr(l_1_args, 'items'), _loop_vars=_loop_vars):
                _loop_vars = {}
                pass
                yield '  '
                yield str(l_2_k)
                yield '\x00= '
                yield str(t_1(l_2_v))
                yield '\n'
            l_2_k = l_2_v = missing
            yield '}\n'
        else:
            pass
            yield 'data "'
            yield str(l_1_type)
            yield '" "'
            yield str(l_1_name)
            yield '" {}\n'
    l_1_type = l_1_name = l_1_args = missing
    for (l_1_name, l_1_service) in (undefined(name='trusts') if l_0_trusts is missing else l_0_trusts):
        _loop_vars = {}
        pass
        yield '\n# Who may assume the roles of '
        yield str(l_1_service)
        yield '.\ndata "aws_iam_policy_document" "'
        yield str(l_1_name)
        yield '" {\n  statement {\n    actions\x00= ["sts:AssumeRole"]\n\n    principals {\n      type\x00= "Service"\n      identifiers\x00= ['
        yield str(t_1(l_1_service))
        yield ']\n    }\n  }\n}\n'
    l_1_name = l_1_service = missing
    for l_1_block in (undefined(name='blocks') if l_0_blocks is missing else l_0_blocks):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(l_1_block)
        yield '\n'
    l_1_block = missing

blocks = {}
debug_info = '1=23&2=25&7=28&9=30&24=32&26=36&27=39&28=43&29=47&33=56&36=61&38=65&39=67&45=69&50=72&52=76'
